import { SESv2Client, SESv2ServiceException, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { EmailSender, SendOutcome } from '../../ports/notification-senders.ts';

/**
 * Email through Amazon SES (v2 SendEmail) from the deployment's verified identity. Throttling and
 * service errors are retried by the dispatcher; a refused message (bad address, unverified sender in
 * the sandbox) is not.
 */
export class SesEmailSender implements EmailSender {
  readonly #client: SESv2Client;
  readonly #from: string;

  constructor(from: string, client = new SESv2Client({})) {
    this.#from = from;
    this.#client = client;
  }

  async send(message: { to: string; subject: string; text: string }): Promise<SendOutcome> {
    try {
      await this.#client.send(
        new SendEmailCommand({
          FromEmailAddress: this.#from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
            },
          },
        }),
      );
      return { ok: true };
    } catch (error) {
      return awsOutcome(error);
    }
  }
}

/** An SDK error as a send outcome: the service's own fault or throttling is worth another try. */
export const awsOutcome = (error: unknown): SendOutcome => {
  const fault = error instanceof SESv2ServiceException ? error.$fault : (error as { $fault?: string }).$fault;
  const name = (error as Error).name;
  const throttled = /Throttl|TooManyRequests|LimitExceeded/.test(name);
  return {
    ok: false,
    retryable: fault !== 'client' || throttled,
    error: `${name}: ${(error as Error).message}`,
  };
};
