import type { MeterRecord } from '../../registry/records.ts';
import type { RecalculationRecord } from './recalculation-model.ts';
import type { RollupLevel } from './rollup-model.ts';

/**
 * The recalculations that changed (or are changing) a traced figure: those of its month whose scope
 * reaches the target — a city recalculation reaches every figure; an enterprise's reaches that
 * enterprise, its meters, its industry and the city. Pure.
 */
export const recalculationsTouching = (
  recent: readonly RecalculationRecord[],
  target: { level: RollupLevel; id: string; period: string },
  meters: readonly Pick<MeterRecord, 'enterpriseId'>[],
) => {
  const month = target.period.slice(0, 7);
  const enterprises = new Set(meters.map((m) => m.enterpriseId));
  return recent
    .filter((r) => r.period === month)
    .filter((r) => r.scope.level === 'city' || target.level === 'city' || enterprises.has(r.scope.id))
    .map(({ id, scope, status, reason, accounting, createdAt, finishedAt }) => ({
      id,
      scope,
      status,
      reason,
      accounting,
      createdAt,
      ...(finishedAt ? { finishedAt } : {}),
    }));
};
