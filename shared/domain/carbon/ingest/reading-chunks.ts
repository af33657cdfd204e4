import { type LocalPeriods, localPeriodsOf } from '../rollups/rollup-model.ts';
import type { ReadingBatch } from './reading-batch.ts';

export type MeterHourKind = 'interval' | 'cumulative';

/** Rollup items per transaction left for a chunk's own hours, days and months. */
const CHUNK_KEY_BUDGET: Record<MeterHourKind, number> = {
  interval: 96,
  // A cumulative chunk may also correct the hours of later stored readings and check its neighbours.
  cumulative: 60,
};

type Reading = ReadingBatch['readings'][number];

export interface ReadingChunk {
  hours: string[];
  readings: Reading[];
}

/**
 * Deterministic split of a message into chunks of whole local hours, each small enough for one
 * TransactWriteItems (100 items). The same message always splits the same way, so a retry applies
 * exactly the chunks that are missing.
 */
export const chunkReadings = (
  readings: readonly Reading[],
  kind: MeterHourKind,
  timeZone: string,
): ReadingChunk[] => {
  const byHour = new Map<string, { periods: LocalPeriods; readings: Reading[] }>();
  for (const reading of readings) {
    const periods = localPeriodsOf(new Date(reading.ts), timeZone);
    const group = byHour.get(periods.hour) ?? { periods, readings: [] };
    group.readings.push(reading);
    byHour.set(periods.hour, group);
  }
  const chunks: ReadingChunk[] = [];
  let current: { hours: string[]; readings: Reading[]; days: Set<string>; months: Set<string> } | undefined;
  for (const hour of [...byHour.keys()].sort()) {
    const group = byHour.get(hour);
    if (group === undefined) continue;
    const grown = current && {
      hours: current.hours.length + 1,
      days: new Set([...current.days, group.periods.day]).size,
      months: new Set([...current.months, group.periods.month]).size,
    };
    if (current && grown && 4 * (grown.hours + grown.days + grown.months) <= CHUNK_KEY_BUDGET[kind]) {
      current.hours.push(hour);
      current.readings.push(...group.readings);
      current.days.add(group.periods.day);
      current.months.add(group.periods.month);
    } else {
      current = {
        hours: [hour],
        readings: [...group.readings],
        days: new Set([group.periods.day]),
        months: new Set([group.periods.month]),
      };
      chunks.push(current);
    }
  }
  return chunks.map(({ hours, readings: rs }) => ({ hours, readings: rs }));
};
