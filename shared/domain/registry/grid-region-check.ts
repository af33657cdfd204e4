import { GRID_REGION_CODES } from '../carbon/accounting/grid-regions.ts';
import type { MeterRecord } from './records.ts';

/**
 * The data check for meters registered before grid regions became a closed list: an electricity
 * meter whose `gridRegion` is not one of the published grids (`CN-SOUHT`), or has none, can no longer
 * be priced — the ingest quarantines its readings (judge-message.ts). This names each such meter, with
 * the closest real code as a hint for the correction. Pure.
 */

export interface GridRegionFinding {
  meterId: string;
  enterpriseId: string;
  status: MeterRecord['status'];
  gridRegion: string | null;
  /** The listed code closest in spelling, when one is near (at most two edits away). */
  suggestion?: string;
  message: string;
}

/** Levenshtein distance, for the hint only. */
const distance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
};

const closest = (code: string): string | undefined => {
  const [best] = [...GRID_REGION_CODES]
    .map((candidate) => ({ candidate, d: distance(code.toUpperCase(), candidate) }))
    .sort((x, y) => x.d - y.d || x.candidate.localeCompare(y.candidate));
  return best !== undefined && best.d <= 2 ? best.candidate : undefined;
};

export const gridRegionFindings = (meters: readonly MeterRecord[]): GridRegionFinding[] =>
  meters
    .filter((m) => m.energyType === 'electricity')
    .filter((m) => m.gridRegion === undefined || !GRID_REGION_CODES.includes(m.gridRegion))
    .map((m) => {
      const suggestion = m.gridRegion === undefined ? undefined : closest(m.gridRegion);
      return {
        meterId: m.id,
        enterpriseId: m.enterpriseId,
        status: m.status,
        gridRegion: m.gridRegion ?? null,
        ...(suggestion ? { suggestion } : {}),
        message:
          `电网区域 ${m.gridRegion ?? '（未填写）'} 不在清单内，读数将被隔离` +
          `${suggestion ? `；是否应为 ${suggestion}？` : ''}` +
          ` (grid region ${m.gridRegion ?? 'missing'} is not a published grid: readings are quarantined` +
          `${suggestion ? `; did you mean ${suggestion}?` : ''})`,
      };
    });
