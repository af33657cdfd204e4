import type { JobCheckpoint } from '../../../ports/job-run-store.ts';
import { ConflictError, UnprocessableError } from '../../errors.ts';
import {
  addTotals,
  comparison,
  type RecalcAccounting,
  type RecalcScope,
  type RecalculationRecord,
  type UnitResult,
  zeroTotals,
} from './recalculation-model.ts';
import { localPeriodsOf } from './rollup-model.ts';

/**
 * Asking for a recalculation and reading one back. Pure: ids, the clock and the stores are given.
 */

export interface RecalculationRequest {
  scope: RecalcScope;
  period: string;
  reason: string;
  accounting: RecalcAccounting;
  requestedBy: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A new, queued recalculation; a month not yet begun is refused (nothing to recompute). */
export const newRecalculation = (
  request: RecalculationRequest,
  id: string,
  now: Date,
  timeZone: string,
): RecalculationRecord => {
  if (!MONTH.test(request.period) || request.period > localPeriodsOf(now, timeZone).month) {
    throw new UnprocessableError('核算期须为已开始的月份 (period must be a month that has begun)', [
      {
        path: '/body/period',
        message: `核算期须为已开始的月份，如 2026-11 (a local month not after ${localPeriodsOf(now, timeZone).month})`,
      },
    ]);
  }
  const at = now.toISOString();
  return { id, ...request, createdAt: at, cutoff: at, status: 'queued' };
};

const sameScope = (a: RecalcScope, b: RecalcScope) => a.level === b.level && a.id === b.id;
const isOpen = (r: RecalculationRecord) => r.status === 'queued' || r.status === 'running';

/** One open recalculation per scope and month: a second request waits for the first to finish. */
export const openRecalculationOf = (
  recent: readonly RecalculationRecord[],
  scope: RecalcScope,
  period: string,
): RecalculationRecord | undefined =>
  recent.find((r) => isOpen(r) && r.period === period && sameScope(r.scope, scope));

export const assertNoOpenRecalculation = (
  recent: readonly RecalculationRecord[],
  scope: RecalcScope,
  period: string,
): void => {
  const open = openRecalculationOf(recent, scope, period);
  if (open)
    throw new ConflictError(
      `该范围与月份已有进行中的重算 ${open.id}，请待其完成 (recalculation ${open.id} of this scope and month is ${open.status})`,
    );
};

/** The recalculation as `GET /recalculations/{id}` answers it: progress, totals, per meter. */
export const recalculationView = (
  record: RecalculationRecord,
  units: readonly UnitResult[],
  checkpoint: JobCheckpoint | undefined,
) => {
  const { leaseUntil: _lease, ...shown } = record;
  const byMeter = new Map<string, { enterpriseId: string; units: UnitResult[] }>();
  for (const unit of units) {
    const entry = byMeter.get(unit.meterId) ?? { enterpriseId: unit.enterpriseId, units: [] };
    entry.units.push(unit);
    byMeter.set(unit.meterId, entry);
  }
  const sum = (list: readonly UnitResult[]) => ({
    before: list.reduce((acc, u) => addTotals(acc, u.before), zeroTotals()),
    after: list.reduce((acc, u) => addTotals(acc, u.after), zeroTotals()),
  });
  const hours = (list: readonly UnitResult[]) => {
    const skipped: Record<string, number> = {};
    for (const u of list)
      for (const [reason, count] of Object.entries(u.hours.skipped))
        skipped[reason] = (skipped[reason] ?? 0) + count;
    return {
      changed: list.reduce((n, u) => n + u.hours.changed, 0),
      unchanged: list.reduce((n, u) => n + u.hours.unchanged, 0),
      skipped,
    };
  };
  const total = sum(units);
  const refs = (pick: (u: UnitResult) => string[]) => [...new Set(units.flatMap(pick))].sort();
  return {
    ...shown,
    progress: { done: checkpoint?.doneUnits.length ?? 0, total: record.totalUnits ?? null },
    units: 'tCO2e; tce',
    ...comparison(total.before, total.after),
    hours: hours(units),
    factorRefs: { before: refs((u) => u.previousRefs), after: refs((u) => u.factorRefs) },
    byMeter: [...byMeter.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([meterId, { enterpriseId, units: list }]) => {
        const totals = sum(list);
        return { meterId, enterpriseId, ...comparison(totals.before, totals.after), hours: hours(list) };
      }),
    problems: units.flatMap((u) => u.problems).slice(0, 20),
  };
};
