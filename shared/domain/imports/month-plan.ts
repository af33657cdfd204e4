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
  /** Where the entry goes: the anchor's batch log, or an item of its own (FEED_LOG_ON_ITEM). */
  logTo: 'item' | 'overflow';
  lastReadingAt: string;
}

/**
 * A slot's first changes keep their batch-log entries on the account meter's feed month item (read
 * with it, one request); later ones — corrections past this many — get an item of their own, keyed
 * by the message (`BATCHLOG#meter#<id>`, sk `<month>#<messageId>`: idempotent), as a meter-hour's
 * 101st message does. The feed month item keeps every marker, so an account month takes any number
 * of corrections (an entry of a correction is ~8 KB: 8 of them stay well inside the item's 400 KB
 * even when several accounts share a meter).
 */
export const FEED_LOG_ON_ITEM = 8;

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
    logTo: change.version <= FEED_LOG_ON_ITEM ? 'item' : 'overflow',
    lastReadingAt: plan.lastReadingAt,
  };
};

/** The items a month plan writes, one id each: a group fits one transaction while their union does. */
export const monthPlanKeys = (plan: MonthPlan, leaveOut?: (key: RollupKey) => boolean): string[] => [
  ...plan.contributions.filter((c) => !leaveOut?.(c.key)).map((c) => keyId(c.key)),
  ...(plan.logTo === 'overflow' ? [overflowKeyId(plan)] : []),
];

const overflowKeyId = (plan: MonthPlan) =>
  ['batchLog', plan.meterId, plan.anchor.period, plan.messageId].join('\u0000');

const later = (a: string | undefined, b: string) => (a === undefined || b > a ? b : a);

/**
 * Month plans of different slots in one transaction: each shared item (an enterprise's month, the
 * city's feed month…) written once with the sum. A slot appears at most once (one pending change).
 */
export const mergeMonthPlans = (plans: readonly MonthPlan[]): TransactionPlan => {
  const writes = new Map<string, ItemWrite>();
  for (const plan of plans) for (const c of plan.contributions) addContribution(writes, plan, c);
  const overflowLogs = plans
    .filter((plan) => plan.logTo === 'overflow')
    .map((plan) => ({
      meterId: plan.meterId,
      hour: plan.anchor.period,
      messageId: plan.messageId,
      entry: plan.entry,
    }));
  return { writes: [...writes.values()], bumps: [], overflowLogs, origins: [], chunks: plans.length };
};

/** One contribution of a plan into the transaction's item of its key; the anchor takes the marker. */
const addContribution = (writes: Map<string, ItemWrite>, plan: MonthPlan, c: Contribution) => {
  const id = keyId(c.key);
  const write: ItemWrite = writes.get(id) ?? { key: c.key, figures: {}, factorRefs: [] };
  writes.set(id, write);
  addFigures(write.figures, c.figures);
  write.factorRefs = [...new Set([...write.factorRefs, ...plan.factorRefs])].sort();
  if (c.key.level === 'meter' && c.key.id === plan.meterId)
    write.lastReadingAt = later(write.lastReadingAt, plan.lastReadingAt);
  if (id !== keyId(plan.anchor)) return;
  if (write.meterHour) throw new Error(`two messages on ${keyId(plan.anchor)} in one transaction`);
  write.meterHour = { markers: [plan.messageId], logEntries: plan.logTo === 'item' ? [plan.entry] : [] };
};
