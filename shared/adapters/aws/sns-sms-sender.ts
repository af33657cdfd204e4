import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { SendOutcome, SmsSender } from '../../ports/notification-senders.ts';
import { awsOutcome } from './ses-email-sender.ts';

/**
 * SMS through Amazon SNS (Publish to a phone number), transactional: escalations must arrive even
 * where promotional messages are filtered. Mainland China numbers need a registered sender and
 * template with the carriers; see docs/notifications.md.
 */
export class SnsSmsSender implements SmsSender {
  readonly #client: SNSClient;
  readonly #senderId: string | undefined;

  constructor(senderId?: string, client = new SNSClient({})) {
    this.#client = client;
    this.#senderId = senderId;
  }

  async send(message: { to: string; text: string }): Promise<SendOutcome> {
    try {
      await this.#client.send(
        new PublishCommand({
          PhoneNumber: message.to,
          Message: message.text,
          MessageAttributes: {
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
            ...(this.#senderId === undefined
              ? {}
              : { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: this.#senderId } }),
          },
        }),
      );
      return { ok: true };
    } catch (error) {
      return awsOutcome(error);
    }
  }
}
