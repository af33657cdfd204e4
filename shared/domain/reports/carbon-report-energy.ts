import type { EmissionFigures } from '../carbon/rollups/emission-series.ts';
import { ENERGY_TYPE_LABELS } from '../registry/energy-types.ts';
import type { EnergyType } from '../registry/records.ts';
import type { ReportSection } from './html-document.ts';
import { barChart } from './svg-charts.ts';

/**
 * The energy half of a carbon report (China's dual control counts energy 能耗 beside carbon): the
 * period's consumption in tonnes of standard coal equivalent (GB/T 2589; electricity at its calorific
 * equivalent), by energy type, against the previous period, and against a tce budget when one is set.
 * Figures come from the same rollups as the carbon figures (`tce_mg`), so they add up the same way.
 */

export interface EnergyBudgetUse {
  limitTonnes: number;
  warningRatio: number;
  period: string;
  /** tce used in the budget's period (month to date for a daily report). */
  usedTonnes: number;
}

export interface EnergyReportInput {
  current: EmissionFigures;
  previous: EmissionFigures;
  previousPeriod: string;
  energyBudget?: EnergyBudgetUse;
}

const t3 = (value: number) => value.toFixed(3);
const ratio = (part: number, whole: number) => (whole === 0 ? undefined : part / whole);
const percent = (value: number | undefined) => (value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);
const label = (type: string) => ENERGY_TYPE_LABELS[type as EnergyType] ?? type;

const byType = (figures: EmissionFigures) =>
  Object.entries(figures.tceByEnergyType).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));

export const energyJson = (input: EnergyReportInput) => ({
  unit: 'tce',
  tce: input.current.tce,
  byEnergyType: input.current.tceByEnergyType,
  previousTce: input.previous.tce,
  changeVsPrevious:
    input.previous.tce === 0 ? null : (input.current.tce - input.previous.tce) / input.previous.tce,
  budget:
    input.energyBudget === undefined
      ? null
      : {
          ...input.energyBudget,
          use: ratio(input.energyBudget.usedTonnes, input.energyBudget.limitTonnes) ?? null,
        },
});

export const energyCsvRows = (input: EnergyReportInput): (string | number)[][] => [
  ['energy consumption', 'total', input.current.tce, 'tce'],
  ...byType(input.current).map(([type, tce]) => ['energy consumption', type, tce, 'tce']),
  ['energy consumption', `previous ${input.previousPeriod}`, input.previous.tce, 'tce'],
  ...(input.energyBudget
    ? [
        ['energy budget', `limit ${input.energyBudget.period}`, input.energyBudget.limitTonnes, 'tce'],
        ['energy budget', `used ${input.energyBudget.period}`, input.energyBudget.usedTonnes, 'tce'],
      ]
    : []),
];

export const energySection = (input: EnergyReportInput): ReportSection => {
  const { current, previous, energyBudget } = input;
  const change = previous.tce === 0 ? undefined : (current.tce - previous.tce) / previous.tce;
  const paragraphs = [
    `本期综合能耗 ${t3(current.tce)} tce（吨标准煤，GB/T 2589，电力按当量值 0.1229 kgce/kWh 折算）；` +
      `环比 vs ${input.previousPeriod}: ${percent(change)}。`,
  ];
  if (energyBudget) {
    paragraphs.push(
      `${energyBudget.period} 能耗预算 ${t3(energyBudget.limitTonnes)} tce，已用 ${t3(energyBudget.usedTonnes)} tce` +
        `（${percent(ratio(energyBudget.usedTonnes, energyBudget.limitTonnes))}），预警线 ${percent(energyBudget.warningRatio)}。`,
    );
  }
  return {
    heading: '能耗 Energy consumption (tce)',
    paragraphs,
    charts: [
      barChart({
        title: '按能源 By energy type',
        unit: 'tce',
        bars: byType(current).map(([type, tce]) => ({ label: label(type), value: tce })),
      }),
    ],
    tables: [
      {
        header: ['能源 Energy', 'tce', '占比 Share'],
        rows: byType(current).map(([type, tce]) => [label(type), t3(tce), percent(ratio(tce, current.tce))]),
        numericColumns: [1, 2],
      },
    ],
  };
};
