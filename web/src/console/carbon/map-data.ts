import type { getEmissionRankingsRoute } from '../../../../shared/contracts/carbon/emissions.ts';
import {
  INDUSTRY_SECTIONS,
  type IndustrySection,
  sectionOfDivision,
} from '../../../../shared/domain/registry/industry-code.ts';
import type { ResponseOf } from '../../shared/api-types.ts';
import type { MapPoint } from '../map/map-point.ts';
import { industryName, tonnes } from './labels.ts';

/**
 * The district map's rows (a rankings row with its class and place, MapPage.tsx loads them) turned
 * into points: size, colour, hover text. Pure and DOM-free (types from the contracts), so unit-tested.
 */
export type MapRow = ResponseOf<typeof getEmissionRankingsRoute>['items'][number];
export type BudgetState = 'none' | 'ok' | 'warning' | 'breach';
export type ColourBy = 'industry' | 'budget';

export const budgetState = (budget: MapRow['budget']): BudgetState => {
  if (budget === undefined) return 'none';
  if (budget.use >= 1) return 'breach';
  return budget.use >= budget.warningRatio ? 'warning' : 'ok';
};

export const BUDGET_STATES: Record<BudgetState, { label: string; color: string }> = {
  breach: { label: '已超预算', color: '#b42318' },
  warning: { label: '接近预算（达预警线）', color: '#d97706' },
  ok: { label: '预算内', color: '#0b6e4f' },
  none: { label: '未设月度预算', color: '#8c8c8c' },
};

/** Ten distinguishable colours, one per section in order (sections past ten reuse them). */
const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#ff7f0e',
  '#7f7f7f',
];

export const sectionOf = (industryCode: string | undefined): IndustrySection | undefined =>
  industryCode === undefined
    ? undefined
    : sectionOfDivision(Number(industryCode.replace(/^[A-Z]/, '').slice(0, 2)));

export const sectionColour = (section: IndustrySection | undefined): string =>
  section === undefined
    ? '#595959'
    : (PALETTE[INDUSTRY_SECTIONS.indexOf(section) % PALETTE.length] ?? '#595959');

/** Area in proportion to tCO2e: 8 px for nothing up to 40 px for the largest emitter of the period. */
export const sizeOf = (co2eT: number, largest: number): number =>
  largest <= 0 || co2eT <= 0 ? 8 : Math.round(8 + 32 * Math.sqrt(co2eT / largest));

export const pointsOf = (
  rows: readonly MapRow[],
  states: ReadonlyMap<string, BudgetState>,
  colourBy: ColourBy,
): MapPoint[] => {
  const largest = Math.max(0, ...rows.map((row) => row.co2eT));
  return rows.flatMap((row) => {
    if (row.location === undefined) return [];
    const name = row.name ?? row.id;
    const state = states.get(row.id) ?? 'none';
    return [
      {
        id: row.id,
        latitude: row.location.latitude,
        longitude: row.location.longitude,
        label: name,
        size: sizeOf(row.co2eT, largest),
        color:
          colourBy === 'budget' ? BUDGET_STATES[state].color : sectionColour(sectionOf(row.industryCode)),
        tooltip: [
          name,
          `行业：${row.industryCode === undefined ? '—' : industryName(row.industryCode)}`,
          `碳排放：${tonnes(row.co2eT)} tCO2e`,
          `能耗：${tonnes(row.tce)} tce`,
          `预算：${BUDGET_STATES[state].label}`,
        ],
      },
    ];
  });
};
