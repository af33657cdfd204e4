import type { UsedMeasuredParameter } from '../accounting/measured-parameters.ts';
import { scaleFigures } from '../rollups/reading-emissions.ts';
import { aggregate, type Contribution, rollupKeyId, rollupKeysFor } from '../rollups/rollup-model.ts';
import type { BatchLogEntry } from './batch-log.ts';
import type { PlanContext } from './chunk-plan.ts';
import type { ReadingChunk } from './reading-chunks.ts';
import type { Accountant, Accounted, Periods, Steps } from './reading-steps.ts';

/** A chunk's quantities through the accounting engine, and summed per rollup key. Pure. */

type Reading = ReadingChunk['readings'][number];

export interface Accounting {
  contributions: Contribution[];
  factorRefs: string[];
  measuredParameters: UsedMeasuredParameter[];
  /** Per local hour, the quantities accounted there (for the batch log). */
  deltasByHour: Map<string, BatchLogEntry['deltas']>;
}

/** Runs each quantity through the accounting engine, spread over its 12 rollup keys. */
export const accountSteps = (
  ctx: PlanContext,
  accounted: readonly Accounted[],
  periodsOf: Periods,
  account: Accountant,
): Accounting => {
  const contributions: Contribution[] = [];
  const refs = new Set<string>();
  const measured = new Map<string, UsedMeasuredParameter>();
  const deltasByHour = new Map<string, BatchLogEntry['deltas']>();
  for (const item of accounted) {
    const periods = periodsOf(item.ts);
    const result = account(item.quantity, item.ts);
    // Accepted quantities were checked to fit; a correction of one that once fitted fits again.
    if (result === undefined) throw new Error(`quantity ${item.quantity} no longer fits fixed point`);
    for (const ref of result.factorRefs) refs.add(ref);
    for (const p of result.measuredParameters) measured.set(`${p.parameter}|${p.validFrom}|${p.value}`, p);
    const figures = scaleFigures(result.figures, item.sign);
    for (const key of rollupKeysFor(ctx.meter, periods)) contributions.push({ key, figures });
    const list = deltasByHour.get(periods.hour) ?? [];
    list.push({
      ts: new Date(item.ts).toISOString(),
      quantity: item.quantity,
      co2eT: result.co2eT,
      tce: result.tce,
      sign: item.sign,
      ...(item.flag ? { flag: item.flag } : {}),
    });
    deltasByHour.set(periods.hour, list);
  }
  return {
    contributions,
    factorRefs: [...refs].sort(),
    measuredParameters: [...measured.values()],
    deltasByHour,
  };
};

const keyId = rollupKeyId;

/**
 * Sums everything per rollup key: the figures, one `readings` per accepted reading where it was
 * taken, and one `batches` on every key of the chunk's hours (each is written: it carries the marker).
 */
export const rollupsOf = (
  ctx: PlanContext,
  sorted: readonly Reading[],
  steps: Steps,
  accounting: Accounting,
  periodsOf: Periods,
) => {
  const counted = steps.acceptedTs.flatMap((ts) =>
    rollupKeysFor(ctx.meter, periodsOf(ts)).map((key) => ({ key, figures: { readings: 1 } })),
  );
  const batchKeys = new Map(
    sorted
      .flatMap((r) => rollupKeysFor(ctx.meter, periodsOf(Date.parse(r.ts))))
      .map((key) => [keyId(key), key]),
  );
  const marked = [...batchKeys.values()].map((key) => ({ key, figures: {} }));
  return aggregate([...accounting.contributions, ...counted, ...marked]).map((c) =>
    batchKeys.has(keyId(c.key)) ? { ...c, figures: { ...c.figures, batches: 1 } } : c,
  );
};
