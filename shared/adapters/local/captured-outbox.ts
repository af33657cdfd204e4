import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EmailSender, SendOutcome, SmsSender } from '../../ports/notification-senders.ts';

/**
 * The local runtime's email and SMS: each message is appended as one JSON line to a file in the data
 * folder (`outbox/email.ndjson`, `outbox/sms.ndjson`) instead of reaching anyone; tests and people
 * read what would have been sent there. Addresses under the reserved `.invalid` domain (RFC 2606),
 * and numbers starting +999 (unassigned), are refused as a provider refuses an undeliverable one, so
 * the retry path can be seen locally.
 */
export class CapturedEmailSender implements EmailSender {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  async send(message: { to: string; subject: string; text: string }): Promise<SendOutcome> {
    if (message.to.endsWith('.invalid'))
      return { ok: false, retryable: true, error: `cannot deliver to ${message.to}` };
    await appendLine(this.file, { channel: 'email', at: new Date().toISOString(), ...message });
    return { ok: true };
  }
}

export class CapturedSmsSender implements SmsSender {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  async send(message: { to: string; text: string }): Promise<SendOutcome> {
    if (message.to.startsWith('+999'))
      return { ok: false, retryable: true, error: `cannot deliver to ${message.to}` };
    await appendLine(this.file, { channel: 'sms', at: new Date().toISOString(), ...message });
    return { ok: true };
  }
}

const appendLine = async (file: string, value: unknown): Promise<void> => {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(value)}\n`);
};

/** Every captured message of a file, oldest first (none when nothing was sent). */
export const readCaptured = async <T>(file: string): Promise<T[]> => {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
};
