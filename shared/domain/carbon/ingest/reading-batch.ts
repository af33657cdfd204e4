import type { z } from 'zod';
import { type TelemetryRuleEvent, TelemetryRuleEventSchema } from '../../../contracts/carbon/telemetry.ts';
import { deliveryOf } from './quarantine-records.ts';

export interface ReadingBatch {
  meterId: string;
  messageId: string;
  clientId: string;
  receivedAt: string;
  readings: TelemetryRuleEvent['readings'];
}

/**
 * A message we could not accept (or one reading of it), kept with the reason so an admin can list
 * and replay it. One entry per message or refused reading, however often it arrives
 * (quarantine-records.ts): the id ends in a digest of that key.
 */
export interface QuarantineRecord {
  id: string;
  receivedAt: string;
  meterId?: string;
  messageId?: string;
  /** Set when one reading was refused on its own (the rest of its message applied). */
  readingIndex?: number;
  reason: string;
  issues: { path: string; message: string }[];
  /**
   * The event as it reached us; for one refused reading, the event narrowed to that reading under
   * its own message id (what a replay runs).
   */
  original: unknown;
  /** Which delivery this is (the broker's receive time): receipts count distinct ones. */
  delivery: string;
}

export type BatchVerdict = { ok: true; batch: ReadingBatch } | { ok: false; quarantine: QuarantineRecord };

const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Decides whether a telemetry event can be accepted. Never throws on bad input: a refusal is a
 * quarantine record with the reason, so nothing is dropped silently (docs/architecture.md, Principles).
 */
export const judgeTelemetryEvent = (event: unknown, now: Date, quarantineId: string): BatchVerdict => {
  const parsed = TelemetryRuleEventSchema.safeParse(event);
  if (!parsed.success) {
    return refuse(event, now, quarantineId, 'invalid telemetry message', toIssues(parsed.error));
  }
  const data = parsed.data;
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

const toIssues = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: `/${issue.path.map(String).join('/')}`, message: issue.message }));

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
