import { formatLocalDateTime } from '../calendar/local-time-text.ts';
import type { EmissionFigures } from '../carbon/rollups/emission-series.ts';
import type { RollupLevel } from '../carbon/rollups/rollup-model.ts';
import { ENERGY_TYPE_LABELS } from '../registry/energy-types.ts';
import type { EnergyType } from '../registry/records.ts';
import { type EnergyBudgetUse, energyCsvRows, energyJson, energySection } from './carbon-report-energy.ts';
import { toCsv } from './csv.ts';
import { type ReportSection, renderHtmlDocument } from './html-document.ts';
import { barChart, lineChart } from './svg-charts.ts';

/**
 * The daily summary and the monthly report for the city, an industry or an enterprise: totals,
 * breakdowns by scope, energy and gas, trend against the previous period and the same period last
 * year, budget use, top emitters and data completeness. Built from rollups only, so its cost does
 * not depend on how many raw readings lie behind the figures.
 */

export type CarbonReportKind = 'daily' | 'monthly';

export interface ReportSubject {
  level: Exclude<RollupLevel, 'meter'>;
  id: string;
  name: string;
}

export interface CarbonReportInput {
  kind: CarbonReportKind;
  subject: ReportSubject;
  period: string;
  previousPeriod: string;
  lastYearPeriod: string;
  current: EmissionFigures;
  previous: EmissionFigures;
  lastYear: EmissionFigures;
  /** The sub-periods (hours of the day, days of the month), their tCO2e and tce (null: no data). */
  series: readonly { label: string; value: number | null; tce?: number | null }[];
  budget?: { limitTonnes: number; warningRatio: number; period: string; usedTonnes: number };
  /** The energy (tce) budget of the month, when one is set. */
  energyBudget?: EnergyBudgetUse;
  topEmitters: readonly { id: string; name: string; co2eT: number; tce?: number; budgetUse?: number }[];
  completeness: {
    meters: number;
    metersReporting: number;
    offlineMeters: readonly string[];
    quarantined: number;
  };
  generatedAt: string;
  /** The deployment's zone: the HTML names the generation time in it. */
  timeZone: string;
}

export interface CarbonReportFiles {
  json: Record<string, unknown>;
  csv: string;
  html: string;
}

const ENERGY_LABELS = ENERGY_TYPE_LABELS;

const KIND_LABEL: Record<CarbonReportKind, string> = { daily: '碳排放日报', monthly: '碳排放月报' };

const t3 = (value: number) => value.toFixed(3);
const gas = (figures: EmissionFigures, name: 'CO2' | 'CH4' | 'N2O') => figures.gases[name] ?? 0;

/** Relative change, or undefined when there is nothing to compare with (a zero base). */
export const changeRatio = (current: number, base: number | undefined): number | undefined =>
  base === undefined || base === 0 ? undefined : (current - base) / base;
const percent = (ratio: number | undefined) => (ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)}%`);

export const buildCarbonReport = (input: CarbonReportInput): CarbonReportFiles => {
  const json = reportJson(input);
  return { json, csv: reportCsv(input), html: reportHtml(input) };
};

const budgetUse = (input: CarbonReportInput) =>
  input.budget === undefined || input.budget.limitTonnes === 0
    ? undefined
    : input.budget.usedTonnes / input.budget.limitTonnes;

const reportJson = (input: CarbonReportInput): Record<string, unknown> => ({
  kind: input.kind,
  subject: input.subject,
  period: input.period,
  unit: 'tCO2e',
  totals: {
    co2eT: input.current.co2eT,
    co2eMarketT: input.current.co2eMarketT,
    scope1T: input.current.scope1T,
    scope2LocationT: input.current.scope2LocationT,
    scope2MarketT: input.current.scope2MarketT,
    // Accepted readings; a register's origin counts, repeats do not (rollup-model.ts header).
    readings: input.current.readings,
  },
  byEnergy: input.current.energyTypes,
  byGas: input.current.gases,
  energy: energyJson(input),
  trend: {
    previousPeriod: input.previousPeriod,
    previousCo2eT: input.previous.co2eT,
    changeVsPrevious: changeRatio(input.current.co2eT, input.previous.co2eT) ?? null,
    lastYearPeriod: input.lastYearPeriod,
    lastYearCo2eT: input.lastYear.co2eT,
    changeVsLastYear: changeRatio(input.current.co2eT, input.lastYear.co2eT) ?? null,
  },
  series: input.series,
  budget: input.budget === undefined ? null : { ...input.budget, use: budgetUse(input) ?? null },
  topEmitters: input.topEmitters,
  completeness: input.completeness,
  generatedAt: input.generatedAt,
});

/** One tidy table: section, item, value, unit — easy to pivot in a spreadsheet. */
const reportCsv = (input: CarbonReportInput): string => {
  const rows: (string | number)[][] = [
    ['total', 'co2e (location-based)', input.current.co2eT, 'tCO2e'],
    ['total', 'co2e (market-based)', input.current.co2eMarketT, 'tCO2e'],
    ['scope', 'scope 1', input.current.scope1T, 'tCO2e'],
    ['scope', 'scope 2 location-based', input.current.scope2LocationT, 'tCO2e'],
    ['scope', 'scope 2 market-based', input.current.scope2MarketT, 'tCO2e'],
    ...Object.entries(input.current.energyTypes).map(([type, value]) => ['energy', type, value, 'tCO2e']),
    ['gas', 'CO2', gas(input.current, 'CO2'), 't'],
    ['gas', 'CH4', gas(input.current, 'CH4'), 't'],
    ['gas', 'N2O', gas(input.current, 'N2O'), 't'],
    ['trend', `previous ${input.previousPeriod}`, input.previous.co2eT, 'tCO2e'],
    ['trend', `last year ${input.lastYearPeriod}`, input.lastYear.co2eT, 'tCO2e'],
    ...input.series.map((point) => ['series', point.label, point.value ?? '', 'tCO2e']),
    ...input.series.map((point) => ['series energy', point.label, point.tce ?? '', 'tce']),
    ...energyCsvRows(input),
    ...input.topEmitters.map((e) => ['top emitter', `${e.id} ${e.name}`, e.co2eT, 'tCO2e']),
    ...input.topEmitters.map((e) => ['top emitter energy', `${e.id} ${e.name}`, e.tce ?? '', 'tce']),
    ['completeness', 'meters', input.completeness.meters, 'count'],
    ['completeness', 'meters reporting', input.completeness.metersReporting, 'count'],
    ['completeness', 'quarantined messages', input.completeness.quarantined, 'count'],
  ];
  if (input.budget) {
    rows.push(['budget', `limit ${input.budget.period}`, input.budget.limitTonnes, 'tCO2e']);
    rows.push(['budget', `used ${input.budget.period}`, input.budget.usedTonnes, 'tCO2e']);
  }
  return toCsv(['section', 'item', 'value', 'unit'], rows);
};

const reportHtml = (input: CarbonReportInput): string => {
  const c = input.current;
  const sections: ReportSection[] = [
    {
      heading: '总量 Totals',
      paragraphs: [
        `本期排放 ${t3(c.co2eT)} tCO2e（基于位置 location-based），基于市场 market-based ${t3(c.co2eMarketT)} tCO2e。`,
        `环比 vs ${input.previousPeriod}: ${percent(changeRatio(c.co2eT, input.previous.co2eT))}；同比 vs ${input.lastYearPeriod}: ${percent(changeRatio(c.co2eT, input.lastYear.co2eT))}。`,
      ],
      charts: [
        lineChart({
          title: input.kind === 'daily' ? '逐时排放 Hourly emissions' : '逐日排放 Daily emissions',
          unit: 'tCO2e',
          labels: input.series.map((point) => point.label),
          series: [{ name: input.period, values: input.series.map((point) => point.value) }],
        }),
      ],
      tables: [
        {
          header: ['范围 Scope', 'tCO2e'],
          rows: [
            ['范围一 Scope 1', t3(c.scope1T)],
            ['范围二（位置）Scope 2 location', t3(c.scope2LocationT)],
            ['范围二（市场）Scope 2 market', t3(c.scope2MarketT)],
          ],
          numericColumns: [1],
        },
      ],
    },
    {
      heading: '能源与气体 Energy and gases',
      charts: [
        barChart({
          title: '按能源 By energy',
          unit: 'tCO2e',
          bars: Object.entries(c.energyTypes)
            .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
            .map(([type, value]) => ({
              label: ENERGY_LABELS[type as EnergyType] ?? type,
              value: value ?? 0,
            })),
        }),
      ],
      tables: [
        {
          header: ['气体 Gas', '质量 Mass (t)'],
          rows: [
            ['CO2', t3(gas(c, 'CO2'))],
            ['CH4', gas(c, 'CH4').toFixed(6)],
            ['N2O', gas(c, 'N2O').toFixed(6)],
          ],
          numericColumns: [1],
        },
      ],
    },
  ];
  sections.push(energySection(input));
  if (input.budget) {
    sections.push({
      heading: '预算 Budget',
      paragraphs: [
        `${input.budget.period} 预算 ${t3(input.budget.limitTonnes)} tCO2e，已用 ${t3(input.budget.usedTonnes)} tCO2e（${percent(budgetUse(input))}），预警线 ${percent(input.budget.warningRatio)}。`,
      ],
    });
  }
  if (input.topEmitters.length > 0) {
    sections.push({
      heading: '重点排放 Top emitters',
      charts: [
        barChart({
          title: '排放排名 Ranking',
          unit: 'tCO2e',
          bars: input.topEmitters.map((e) => ({ label: e.name, value: e.co2eT })),
        }),
      ],
      tables: [
        {
          header: ['编号 Id', '名称 Name', 'tCO2e', 'tce', '预算使用 Budget use'],
          rows: input.topEmitters.map((e) => [
            e.id,
            e.name,
            t3(e.co2eT),
            e.tce === undefined ? '—' : t3(e.tce),
            percent(e.budgetUse),
          ]),
          numericColumns: [2, 3, 4],
        },
      ],
    });
  }
  const done = input.completeness;
  sections.push({
    heading: '数据完整性 Data completeness',
    paragraphs: [
      `计量点 ${done.meters} 个，本期有数据 ${done.metersReporting} 个；离线 ${done.offlineMeters.length} 个${done.offlineMeters.length > 0 ? `（${done.offlineMeters.join('、')}）` : ''}；隔离消息 ${done.quarantined} 条。`,
    ],
  });
  return renderHtmlDocument({
    title: `${input.subject.name} ${KIND_LABEL[input.kind]} ${input.period}`,
    subtitle: `${input.subject.level} ${input.subject.id}`,
    generatedAt: formatLocalDateTime(input.generatedAt, input.timeZone),
    sections,
    footnotes: [
      '排放因子与全球增温潜势（GWP）版本见每条汇总的追溯信息（GET /emissions/trace）。Factor and GWP versions behind every figure are listed by GET /emissions/trace.',
    ],
  });
};
