import type { RegisterReading } from '../rollups/register-deltas.ts';

/**
 * The ingest state a meter keeps in the `carbon` table, as the plan (ingest-plan.ts) reads it.
 *
 * The meter-level hour rollup item (level meter, granularity hour, the local hour) is also the meter's
 * ingest state for that hour, so a single-hour message writes its 12 rollup items and nothing else:
 *   msgs      string set of message ids applied in this hour — the dedup marker, conditioned on;
 *   regs      cumulative meters: the register readings of this hour [{t: epoch ms, v}];
 *   rv        cumulative meters: version of `regs`, conditioned on by every message that used them;
 *   batchLog  one entry per message (readings, deltas, CO2e, factor refs, batch handle) for tracing,
 *             at most MAX_BATCH_LOG entries (`logSize` counts them) so the hot item stays small;
 *             later entries of that hour overflow to an item of their own per message (one more
 *             write, only for meters sending > 100 messages an hour; keys: carbon-keys.ts);
 *   lastReadingAt  latest reading time written by the message (also on the meter day/month items).
 *   nx        cumulative meters: the hour of the next item holding registers ('' for none): the
 *             forward link that shows a read was not a snapshot (register-links.ts).
 * A cumulative meter's first message also creates period `#origin` in that hour series (it sorts before
 * every hour and carries no figures, only its link): the one item two racing first messages both write.
 */
export const REGISTER_ORIGIN_PERIOD = '#origin';
/** Batch-log entries kept on a meter-hour item (~350 bytes each for a one-reading message). */
export const MAX_BATCH_LOG = 100;

/** The ingest state held by one meter-hour rollup item, as read. */
export interface MeterHourState {
  hour: string;
  /** `rv`; 0 when the item does not exist yet. */
  version: number;
  registers: RegisterReading[];
  messageIds: string[];
  /** Entries in the item's batch log (`logSize`). */
  logSize: number;
  /** `nx`: the hour of the next register-bearing item, '' for none, undefined if never linked (register-links.ts). */
  next?: string;
}

/** What the store read before planning a chunk. Interval meters need no read on the first try. */
export interface ChunkState {
  /**
   * Meter-hour items that exist: for cumulative meters every item from the nearest one before the
   * chunk's first hour to the nearest one after its last hour (the register readings either side).
   */
  hours: MeterHourState[];
  /** False on an interval meter's first attempt: dedup then rests on the write's condition only. */
  read: boolean;
}
