import type { EventParser, QuarantineRecord, ReadingBatch } from './ingest-records.ts';
import { deliveryOf } from './quarantine-records.ts';

export type { QuarantineRecord, ReadingBatch } from './ingest-records.ts';

export type BatchVerdict = { ok: true; batch: ReadingBatch } | { ok: false; quarantine: QuarantineRecord };

const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Decides whether a telemetry event can be accepted. Never throws on bad input: a refusal is a
 * quarantine record with the reason, so nothing is dropped silently (docs/architecture.md, Principles).
 */
export const judgeTelemetryEvent = (
  event: unknown,
  now: Date,
  quarantineId: string,
  parse: EventParser,
): BatchVerdict => {
  const parsed = parse(event);
  if (!parsed.ok) return refuse(event, now, quarantineId, 'invalid telemetry message', parsed.issues);
  const data = parsed.event;
  const future = data.readings.findIndex(
    (reading) => Date.parse(reading.ts) > now.getTime() + MAX_CLOCK_SKEW_MS,
  );
  if (future >= 0) {
    return refuse(event, now, quarantineId, 'reading timestamp is in the future', [
      { path: `/readings/${future}/ts`, message: 'more than 5 minutes ahead of the server clock' },
    ]);
  }
  const negative = data.readings.findIndex((reading) => (reading.quantity ?? reading.register ?? 0) < 0);
  if (negative >= 0) {
    return refuse(event, now, quarantineId, 'negative reading', [
      { path: `/readings/${negative}`, message: 'quantities and registers cannot be negative' },
    ]);
  }
  return {
    ok: true,
    batch: {
      meterId: data.meterId,
      messageId: data.messageId,
      clientId: data.clientId,
      receivedAt: new Date(data.receivedAt).toISOString(),
      readings: data.readings,
    },
  };
};

const refuse = (
  event: unknown,
  now: Date,
  id: string,
  reason: string,
  issues: QuarantineRecord['issues'],
): BatchVerdict => {
  const fields = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
  return {
    ok: false,
    quarantine: {
      id,
      receivedAt: now.toISOString(),
      ...(typeof fields.meterId === 'string' ? { meterId: fields.meterId } : {}),
      ...(typeof fields.messageId === 'string' ? { messageId: fields.messageId } : {}),
      reason,
      issues,
      original: event,
      delivery: deliveryOf(event, now),
    },
  };
};
