import type { listAlertsRoute } from '../../../../shared/contracts/carbon/budgets.ts';
import type { getEmissionsRoute } from '../../../../shared/contracts/carbon/emissions.ts';
import { sectionOfDivision } from '../../../../shared/domain/registry/industry-code.ts';
import type { ResponseOf } from '../../shared/api-types.ts';

// From the contracts directly (not ./api.ts), so pure helpers that use these labels stay DOM-free.
type CarbonAlert = ResponseOf<typeof listAlertsRoute>['items'][number];
type Level = ResponseOf<typeof getEmissionsRoute>['level'];

/** zh-CN words and units of the carbon screens, units written as people read them. */

export const UNIT_CO2E = '吨二氧化碳当量（tCO2e）';
export const UNIT_TCE = '吨标准煤（tce）';

export const LEVEL_LABELS: Record<Level, string> = {
  city: '全区',
  industry: '行业',
  enterprise: '企业',
  meter: '计量器具',
};

export const SCOPE_LABELS: Record<string, string> = {
  scope1: '范围一（直接排放）',
  scope2Location: '范围二（外购电力热力，基于位置）',
  scope2Market: '范围二（外购电力热力，基于市场）',
};

export const ENERGY_LABELS: Record<string, string> = {
  electricity: '电力',
  'natural-gas': '天然气',
  diesel: '柴油',
  gasoline: '汽油',
  lpg: '液化石油气',
  'raw-coal': '原煤',
  'steam-heat': '热力（蒸汽）',
  'process-emission': '过程排放',
  anthracite: '无烟煤',
  'bituminous-coal': '烟煤',
  lignite: '褐煤',
  'washed-coal': '洗精煤',
  other: '其他',
};

export const GAS_LABELS: Record<string, string> = {
  CO2: '二氧化碳 CO₂',
  CH4: '甲烷 CH₄',
  N2O: '氧化亚氮 N₂O',
  other: '其他',
};

export const QUANTITY_UNITS: Record<string, string> = {
  kWh: '千瓦时',
  Nm3: '标准立方米',
  t: '吨',
  GJ: '吉焦',
  tCO2e: '吨二氧化碳当量',
};

export const ALERT_KIND_LABELS: Record<CarbonAlert['kind'], string> = {
  budgetWarning: '预算预警',
  budgetBreach: '超预算',
  meterOffline: '计量器具离线',
  anomaly: '数据异常',
  calendarRunningOut: '工作日历将用完',
};

export const ANOMALY_LABELS: Record<string, string> = {
  spike: '突增',
  dropToZero: '骤降为零',
  flatLine: '长时间不变',
  projectedBreach: '预计月末超预算',
};

export const GRANULARITY_LABELS = { hour: '小时', day: '日', month: '月' } as const;

export const label = (table: Record<string, string>, key: string): string => table[key] ?? key;

/** A GB/T 4754 class code with its section's name: `C3311（制造业）`. */
export const industryName = (code: string): string => {
  const section = sectionOfDivision(Number(code.replace(/^[A-Z]/, '').slice(0, 2)));
  return section === undefined ? code : `${code}（${section.nameZh}）`;
};

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 3 });

/** Tonnes as read: at most three decimals (a kilogram), grouped. */
export const tonnes = (value: number | undefined): string =>
  value === undefined ? '—' : NUMBER.format(value);

/** An intensity as people read it, with the figure it is over: 1.234 tCO2e/万元（增加值）. */
export const intensityText = (value: number, basis: 'valueAdded' | 'outputValue'): string =>
  `${value.toFixed(3)} tCO2e/万元（${basis === 'valueAdded' ? '增加值' : '总产值'}）`;

/** A change as a signed percentage, or — when there is nothing to compare with. */
export const change = (now: number, before: number | undefined): string => {
  if (before === undefined || before === 0) return '—';
  const rate = (now - before) / before;
  return `${rate >= 0 ? '+' : ''}${(rate * 100).toFixed(1)}%`;
};

const SECONDS = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** An instant in Beijing time to the second (readings are seconds apart). */
export const localSeconds = (instant: string | undefined): string =>
  instant === undefined || Number.isNaN(Date.parse(instant)) ? '—' : SECONDS.format(new Date(instant));
