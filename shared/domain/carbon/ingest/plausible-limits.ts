import { addDays } from '../../calendar/local-date.ts';
import type { MeterRecord } from '../../registry/records.ts';
import { CANONICAL_UNITS } from '../rollups/canonical-units.ts';
import { localPeriodsOf } from '../rollups/rollup-model.ts';
import type { PlausibleLimit } from './reading-checks.ts';

/**
 * A meter's plausible quantity per hour (reading-checks.ts judges each reading against it):
 *   - its capacity, `maxPerHour` on the registry record (in the meter's own unit), when set;
 *   - otherwise its history: HISTORY_FACTOR × the median hourly use of its days with readings
 *     among the last HISTORY_DAYS local days before today, once it has at least MIN_HISTORY_DAYS
 *     such days (in the canonical unit; a day's use is its meter-day rollup, its hourly use a 24th);
 *   - otherwise none (only the absolute bounds per unit apply).
 * The median of days, not of hours, because day items are small and few (one Query of ≤ 30 items
 * per meter), while the meter-hour items carry the ingest's batch log. A meter that works 8 hours a
 * day has a daily hourly average a third of its working rate: the factor of 100 leaves room for it.
 * Limits are computed once per meter per local day and kept (the caller's cache).
 */
export const HISTORY_FACTOR = 100;
export const HISTORY_DAYS = 30;
export const MIN_HISTORY_DAYS = 7;

export interface MeterHistory {
  /** The meter's use (canonical unit) on each local day in [first, last] that has readings. */
  dailyUse(meter: MeterRecord, first: string, last: string): Promise<number[]>;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** The history limit of a meter's recent daily use, or undefined when there is too little of it. */
export const historyLimit = (
  dailyUse: readonly number[],
  canonicalUnit: string,
): PlausibleLimit | undefined => {
  if (dailyUse.length < MIN_HISTORY_DAYS) return undefined;
  const perHour = median(dailyUse) / 24;
  if (!(perHour > 0)) return undefined;
  return {
    historyPerHour: Math.round(HISTORY_FACTOR * perHour * 1e6) / 1e6,
    historyDays: dailyUse.length,
    canonicalUnit,
  };
};

/** Limits per meter, cached for the local day (a Lambda container keeps them between batches). */
export class PlausibleLimits {
  readonly #history: MeterHistory;
  readonly #timeZone: string;
  readonly #now: () => Date;
  #day = '';
  readonly #cache = new Map<string, Promise<PlausibleLimit | undefined>>();

  constructor(history: MeterHistory, timeZone: string, now: () => Date) {
    this.#history = history;
    this.#timeZone = timeZone;
    this.#now = now;
  }

  limitFor(meter: MeterRecord): Promise<PlausibleLimit | undefined> {
    if (meter.maxPerHour !== undefined) return Promise.resolve({ capacityPerHour: meter.maxPerHour });
    const today = localPeriodsOf(this.#now(), this.#timeZone).day;
    if (today !== this.#day) {
      this.#cache.clear();
      this.#day = today;
    }
    const cached = this.#cache.get(meter.id);
    if (cached) return cached;
    const limit = this.#history
      .dailyUse(meter, addDays(today, -HISTORY_DAYS), addDays(today, -1))
      .then((days) => historyLimit(days, CANONICAL_UNITS[meter.energyType]));
    // A failed read is not remembered: the next batch asks again.
    limit.catch(() => this.#cache.delete(meter.id));
    this.#cache.set(meter.id, limit);
    return limit;
  }
}
