import { createHash } from 'node:crypto';
import type { QuarantineRecord, ReadingBatch } from './ingest-records.ts';
import { makeQuarantineId } from './quarantine-id.ts';
import type { RejectedReading } from './reading-checks.ts';

/**
 * Quarantine entries are deterministic: one per refused message, one per reading refused on its
 * own, however often the message arrives. The entry's id ends in a digest of its key:
 *   a message with a meter and message id   meter + message id;
 *   a message without (a shape the contract refuses)   the payload itself, without the broker's
 *     receive time (which differs each time it is sent);
 *   one refused reading   meter + message id + the reading's index.
 * The store keeps the entry once (a conditional put on the key) and counts its receipts: a
 * delivery is known by the broker's receive time, so the queue redelivering the same record (or
 * the ingest retrying it) is one receipt and the device sending it again is another.
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON with sorted keys, so the same payload always gives the same text. */
const stableJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
};

const digestOf = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 32);

/** The key of a whole message's refusal. */
export const messageQuarantineKey = (event: unknown): string => {
  if (isObject(event) && typeof event.meterId === 'string' && typeof event.messageId === 'string')
    return `message\u0000${event.meterId}\u0000${event.messageId}`;
  const { receivedAt: _receivedAt, ...payload } = isObject(event) ? event : { value: event };
  return `payload\u0000${stableJson(payload)}`;
};

/** The id of a whole message's refusal first quarantined at `now`. */
export const messageQuarantineId = (event: unknown, now: Date): string =>
  makeQuarantineId(now, digestOf(messageQuarantineKey(event)));

/** Which delivery of the message this is: the broker's receive time, else now. */
export const deliveryOf = (event: unknown, now: Date): string =>
  isObject(event) && typeof event.receivedAt === 'number' ? String(event.receivedAt) : now.toISOString();

const MAX_MESSAGE_ID = 128;

/**
 * The message id a refused reading is replayed under: its own, so the replay is applied once and
 * never mistaken for the message whose other readings were applied.
 */
export const readingMessageId = (messageId: string, index: number): string => {
  const own = `${messageId}#r${index}`;
  return own.length <= MAX_MESSAGE_ID ? own : `${digestOf(messageId)}#r${index}`;
};

/**
 * The entries of readings refused on their own: each names its index and reason, and its
 * `original` is the message narrowed to that reading under its own message id (what a replay runs).
 */
export const readingRefusals = (
  event: unknown,
  now: Date,
  batch: Pick<ReadingBatch, 'meterId' | 'messageId'>,
  rejected: readonly RejectedReading[],
): QuarantineRecord[] => {
  const fields = isObject(event) ? event : {};
  const raw = Array.isArray(fields.readings) ? (fields.readings as unknown[]) : [];
  return rejected.map((reading) => ({
    id: makeQuarantineId(
      now,
      digestOf(`reading\u0000${batch.meterId}\u0000${batch.messageId}\u0000${reading.index}`),
    ),
    receivedAt: now.toISOString(),
    meterId: batch.meterId,
    messageId: batch.messageId,
    readingIndex: reading.index,
    reason: reading.reason,
    issues: [{ path: reading.path, message: reading.message }],
    original: {
      ...fields,
      messageId: readingMessageId(batch.messageId, reading.index),
      readings: [raw[reading.index]],
    },
    delivery: deliveryOf(event, now),
  }));
};
