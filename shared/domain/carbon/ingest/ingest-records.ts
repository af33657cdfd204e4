/**
 * What the ingest takes in and what it keeps of a refusal, in the domain's terms. The wire format is
 * the contract's (shared/contracts/carbon/telemetry.ts); the handler's side parses it with that
 * schema and hands the domain an `EventParser`, so the domain never imports an API shape.
 */

/** One reading: an interval quantity or a cumulative register value, exactly one of the two. */
export interface TelemetryReading {
  ts: string;
  quantity?: number;
  register?: number;
}

/** A meter's message as the IoT rule delivers it: the payload plus what the rule adds. */
export interface TelemetryEvent {
  messageId: string;
  meterId: string;
  clientId: string;
  /** Broker receive time, ms since epoch. */
  receivedAt: number;
  readings: TelemetryReading[];
}

export interface EventIssue {
  path: string;
  message: string;
}

/** Checks an event against the message contract: the event, or the contract's issues by path. */
export type EventParser = (
  event: unknown,
) => { ok: true; event: TelemetryEvent } | { ok: false; issues: EventIssue[] };

export interface ReadingBatch {
  meterId: string;
  messageId: string;
  clientId: string;
  receivedAt: string;
  readings: TelemetryReading[];
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
  issues: EventIssue[];
  /**
   * The event as it reached us; for one refused reading, the event narrowed to that reading under
   * its own message id (what a replay runs).
   */
  original: unknown;
  /** Which delivery this is (the broker's receive time): receipts count distinct ones. */
  delivery: string;
}
