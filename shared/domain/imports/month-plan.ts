import type { BatchLogEntry } from '../carbon/ingest/batch-log.ts';
import type { ItemWrite, TransactionPlan } from '../carbon/ingest/transaction-plan.ts';
import { FEED_MONTH, feedMonthKey } from '../carbon/rollups/feed-days.ts';
import { MASS_SCALE, toFixed } from '../carbon/rollups/fixed-point.ts';
import {
  addFigures,
  type Contribution,
  localPeriodsOf,
  type RollupKey,
  rollupKeyId,
} from '../carbon/rollups/rollup-model.ts';
import { type FeedPlanContext, partsOf, planParts } from './feed-plan.ts';
import type { SlotChange } from './slot.ts';

/**
 * A slot message booked as a month (docs/imports.md, "The items"): its day parts are accounted one
 * by one, as booked days would be, and their sum is written once — to the month items it reaches
 * (meter, and enterprise, industry and city when the feed counts) and to the *feed month* items of
 * the same levels, from which every reader derives the days (feed-days.ts). The account meter's
 * feed month item is the message's anchor: it carries the message id as its marker (the write is
 * conditioned on its absence: exactly once) and the message's batch-log entry (trace and
 * recalculation read it). Pure.
 */

export interface MonthPlan {
  meterId: string;
  messageId: string;
  /** The account meter's feed month item: marker and batch-log entry. */
  anchor: RollupKey;
  contributions: Contribution[];
  factorRefs: string[];
  entry: BatchLogEntry;
  lastReadingAt: string;
}

const keyId = rollupKeyId;
const isMonth = (key: RollupKey) => key.granularity === 'month';
const toFeedMonth = (key: RollupKey): RollupKey => ({ ...key, granularity: FEED_MONTH });
const mg = (tonnes: number | undefined) => toFixed(tonnes ?? 0, MASS_SCALE);

/** The message's entries of its noon hours as one entry: every reading and delta, the sums. */
const oneEntry = (entries: readonly BatchLogEntry[]): BatchLogEntry => {
  const [first] = entries;
  if (first === undefined) throw new Error('a slot message without day parts');
  const deltas = entries.flatMap((e) => e.deltas);
  return {
    ...first,
    readings: entries.flatMap((e) => e.readings),
    deltas,
    co2eT: deltas.reduce((s, d) => s + d.sign * mg(d.co2eT), 0) / MASS_SCALE,
    tce: deltas.reduce((s, d) => s + d.sign * mg(d.tce), 0) / MASS_SCALE,
  };
};

export const planSlotMonth = (ctx: FeedPlanContext, change: SlotChange): MonthPlan => {
  const periodsOf = (ts: number) => localPeriodsOf(new Date(ts), ctx.timeZone);
  const hours = partsOf(ctx, change.to ?? change.from).map((r) => periodsOf(Date.parse(r.ts)).hour);
  const plan = planParts(ctx, change, hours, periodsOf);
  const months = plan.rollups.filter((c) => isMonth(c.key));
  return {
    meterId: ctx.meter.id,
    messageId: change.messageId,
    anchor: feedMonthKey('meter', ctx.meter.id, ctx.period),
    contributions: [...months, ...months.map((c) => ({ key: toFeedMonth(c.key), figures: c.figures }))],
    factorRefs: plan.factorRefs,
    entry: oneEntry(plan.meterHours.map((w) => w.logEntry)),
    lastReadingAt: plan.lastReadingAt,
  };
};

/** The items a month plan writes, one id each: a group fits one transaction while their union does. */
export const monthPlanKeys = (plan: MonthPlan): string[] => plan.contributions.map((c) => keyId(c.key));

const later = (a: string | undefined, b: string) => (a === undefined || b > a ? b : a);

/**
 * Month plans of different slots in one transaction: each shared item (an enterprise's month, the
 * city's feed month…) written once with the sum. A slot appears at most once (one pending change).
 */
export const mergeMonthPlans = (plans: readonly MonthPlan[]): TransactionPlan => {
  const writes = new Map<string, ItemWrite>();
  for (const plan of plans) {
    for (const c of plan.contributions) {
      const id = keyId(c.key);
      const write: ItemWrite = writes.get(id) ?? { key: c.key, figures: {}, factorRefs: [] };
      writes.set(id, write);
      addFigures(write.figures, c.figures);
      write.factorRefs = [...new Set([...write.factorRefs, ...plan.factorRefs])].sort();
      if (c.key.level === 'meter' && c.key.id === plan.meterId)
        write.lastReadingAt = later(write.lastReadingAt, plan.lastReadingAt);
      if (id === keyId(plan.anchor)) {
        if (write.meterHour) throw new Error(`two messages on ${keyId(plan.anchor)} in one transaction`);
        write.meterHour = { markers: [plan.messageId], logEntries: [plan.entry] };
      }
    }
  }
  return { writes: [...writes.values()], bumps: [], overflowLogs: [], origins: [], chunks: plans.length };
};
