import type { PendingRef } from '../../../domain/carbon/ingest/transaction-plan.ts';
import { FEED_MONTH } from '../../../domain/carbon/rollups/feed-days.ts';
import type { AlertLevel, RollupKey, RollupLevel } from '../../../domain/carbon/rollups/rollup-model.ts';

/**
 * `carbon` table layout: the keys and indexes the DynamoDB adapters write (the domain names things by
 * what they are; these are how they are stored). Stored keys never change without a migration: the
 * integration tests read raw items with these functions.
 *
 * Rollups — pk `ROLLUP#<level>#<id>#<gran>`, sk `<period>` (a domain `RollupKey`, rollup-model.ts,
 *   whose header describes the figures): gran hour | day | month | feedmonth (feed-days.ts); a
 *   cumulative meter's register origin is sk `#origin` in its hour partition (sorts before every hour).
 * Ingest pending deltas — pk `INGESTPENDING#<shard 0..3>`, sk `<createdAt>#<digest of the group's
 *   messages>`, attribute `w` the rollup deltas `{pk, sk, f, r}` (deferred-deltas.ts, ingest-pending.ts).
 * Batch-log overflow — pk `BATCHLOG#meter#<id>`, sk `<hour>#<messageId>`: the 101st+ message of a
 *   meter-hour (meter-hour-state.ts), one item each; trace and recalculation Query `<hour>#`.
 * Budgets — pk `BUDGET#<level>#<id>`, sk `<year>` (`2026`) or `<month>` (`2026-11`):
 *   limitTonnes, warningRatio (e.g. 0.8); gsi1 `BUDGETS` / `<level>#<id>#<period>`.
 * Alerts — pk `ALERT#<level>#<id>`, sk `<kind>#<period or raisedAt>` (deterministic, so a
 *   conditional put raises ONE alert); kind budgetWarning | budgetBreach | meterOffline | anomaly |
 *   calendarRunningOut (level `system`, id `workingCalendar`: the platform itself, not a carbon target);
 *   gsi1pk `ALERTS`, gsi1sk raisedAt (ISO UTC); attributes kind, level, targetId, period, raisedAt,
 *   message (zh-CN), value, limit; an enterprise's budgetBreach also caseId, the automatic case it
 *   opened (set by the anomaly scan after the case).
 * Recalculations — pk `RECALC#<id>`, sk `RECALC`: the recalculation (scope, period, reason, status,
 *   lease, progress); gsi1 `RECALCS` / `<createdAt>#<id>`. pk `RECALC#<id>`, sk
 *   `UNIT#<meter>#<day>`: what one meter-day changed (before/after/difference).
 */

export const rollupPk = (level: RollupLevel, id: string, granularity: RollupKey['granularity']): string =>
  `ROLLUP#${level}#${id}#${granularity}`;
export const feedMonthPk = (level: RollupLevel, id: string): string => rollupPk(level, id, FEED_MONTH);
/** The stored key of a rollup item. */
export const rollupItemKey = (key: RollupKey): { pk: string; sk: string } => ({
  pk: rollupPk(key.level, key.id, key.granularity),
  sk: key.period,
});
/** The rollup a stored key names (level and granularity are the outer parts: an id may hold `#`). */
export const rollupKeyOf = (pk: string, sk: string): RollupKey => {
  const [, level, ...rest] = pk.split('#');
  const granularity = rest.pop();
  return { level, id: rest.join('#'), granularity, period: sk } as RollupKey;
};

export const pendingPk = (shard: number): string => `INGESTPENDING#${shard}`;
export const pendingItemKey = (ref: PendingRef): { pk: string; sk: string } => ({
  pk: pendingPk(ref.shard),
  sk: `${ref.createdAt}#${ref.digest}`,
});
/** The pending item a stored key names (createdAt is ISO, with no `#`). */
export const pendingRefOf = (pk: string, sk: string): PendingRef => {
  const at = sk.lastIndexOf('#');
  return {
    shard: Number(pk.slice(pk.indexOf('#') + 1)),
    createdAt: sk.slice(0, at),
    digest: sk.slice(at + 1),
  };
};

export const batchLogOverflowPk = (meterId: string): string => `BATCHLOG#meter#${meterId}`;
export const batchLogOverflowSk = (hour: string, messageId: string): string => `${hour}#${messageId}`;

export const budgetPk = (level: RollupLevel, id: string): string => `BUDGET#${level}#${id}`;
export const alertPk = (level: AlertLevel, id: string): string => `ALERT#${level}#${id}`;
export const ALERTS_GSI1PK = 'ALERTS';

export const recalcPk = (id: string): string => `RECALC#${id}`;
export const RECALC_SK = 'RECALC';
export const UNIT_SK_PREFIX = 'UNIT#';
export const unitSk = (meterId: string, day: string): string => `${UNIT_SK_PREFIX}${meterId}#${day}`;
export const RECALCS_GSI1PK = 'RECALCS';

/** DynamoDB's limit of items in one TransactWriteItems: the ports hand it to the planners. */
export const TRANSACTION_ITEM_LIMIT = 100;
