import type { MeasuredParameter } from '../carbon/accounting/measured-parameters.ts';
import { toCanonical } from '../carbon/rollups/canonical-units.ts';
import { isMeterUnit } from '../registry/meter-units.ts';
import type { EnergyType, MeterRecord } from '../registry/records.ts';
import { convertMicro, parseMicro } from './spread.ts';

/**
 * The checks of one imported row that need no store (docs/imports.md, "Row by row"): period, value,
 * unit and plausibility against the account's history. The account look-up and the duplicate check
 * are the job's (they read the store). Pure.
 */

export const REFUSAL_REASONS = [
  'unknown-account',
  'unit-not-allowed',
  'period-malformed',
  'value-malformed',
  'implausible',
  'duplicate',
  'measured-invalid',
  'no-factor',
  'not-accountable',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface Refusal {
  reason: RefusalReason;
  /** The column at fault. */
  field: string;
  /** zh-CN first, English beside. */
  message: string;
}

export interface JudgedRow {
  period: string;
  /** The value in integer millionths of the meter's unit. */
  micro: number;
  /** Measured parameters the row carries (fuel deliveries), valid for its month. */
  measured: MeasuredParameter[];
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** A month far above or below the account's usual one is implausible (docs/imports.md). */
const PLAUSIBLE_FACTOR = 10;
const MIN_HISTORY = 3;

export const refusal = (reason: RefusalReason, field: string, message: string): Refusal => ({
  reason,
  field,
  message,
});

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const judgePeriod = (period: string, currentMonth: string): Refusal | undefined => {
  const match = PERIOD.exec(period);
  if (!match || Number(match[1]) < 2000)
    return refusal('period-malformed', 'period', `期间格式应为 YYYY-MM (period "${period}" is not YYYY-MM)`);
  if (period > currentMonth)
    return refusal(
      'period-malformed',
      'period',
      `期间 ${period} 尚未到来 (period ${period} is in the future)`,
    );
  return undefined;
};

/** The row's value in millionths of the meter's unit, or why not. */
const judgeValue = (
  fields: Record<string, string>,
  meter: Pick<MeterRecord, 'energyType' | 'unit'>,
): number | Refusal => {
  const unit = fields.unit ?? '';
  if (!isMeterUnit(meter.energyType, unit))
    return refusal(
      'unit-not-allowed',
      'unit',
      `单位 ${unit} 不适用于能源品种 ${meter.energyType} (unit "${unit}" is not allowed for ${meter.energyType})`,
    );
  const micro = parseMicro(fields.quantity ?? '');
  if (micro === undefined)
    return refusal(
      'value-malformed',
      'quantity',
      `用量应为非负十进制数 (quantity "${fields.quantity}" is not a non-negative decimal number)`,
    );
  try {
    const ratio = toCanonical(meter.energyType, unit, 1) / toCanonical(meter.energyType, meter.unit, 1);
    const converted = convertMicro(micro, ratio);
    if (!Number.isSafeInteger(converted)) throw new RangeError('too large');
    return converted;
  } catch {
    return refusal(
      'unit-not-allowed',
      'unit',
      `单位 ${unit} 无法换算为账户计量单位 ${meter.unit} (unit ${unit} cannot be converted to the account meter's ${meter.unit})`,
    );
  }
};

const judgePlausible = (micro: number, history: readonly number[]): Refusal | undefined => {
  const usual = history.filter((v) => v > 0);
  if (usual.length < MIN_HISTORY) return undefined;
  const m = median(usual);
  if (micro > PLAUSIBLE_FACTOR * m || (micro > 0 && micro < m / PLAUSIBLE_FACTOR))
    return refusal(
      'implausible',
      'quantity',
      `用量与该账户近 ${usual.length} 个月的中位数 ${m / 1e6} 相差十倍以上 (quantity is more than 10× off the median ${m / 1e6} of the account's last ${usual.length} months)`,
    );
  return undefined;
};

const MEASURED_COLUMNS = [
  ['ncv', 'ncvUnit', 'ncv'],
  ['carbonContent', 'carbonContentUnit', 'carbon-content'],
  ['density', 'densityUnit', 'density'],
] as const;

/** Measured values of a fuel delivery, valid for the month of the row. */
const judgeMeasured = (
  fields: Record<string, string>,
  period: string,
  lastDay: string,
  source: string,
): MeasuredParameter[] | Refusal => {
  const measured: MeasuredParameter[] = [];
  for (const [valueKey, unitKey, parameter] of MEASURED_COLUMNS) {
    const text = fields[valueKey] ?? '';
    if (text === '') continue;
    const value = Number(text);
    const unit = fields[unitKey] ?? '';
    if (!Number.isFinite(value) || value <= 0 || unit === '')
      return refusal(
        'measured-invalid',
        valueKey,
        `实测值 ${valueKey} 应为正数并注明单位 (measured ${valueKey} needs a positive value and its unit)`,
      );
    measured.push({ parameter, value, unit, validFrom: `${period}-01`, validTo: lastDay, source });
  }
  return measured;
};

export interface RowJudgement {
  fields: Record<string, string>;
  meter: Pick<MeterRecord, 'energyType' | 'unit'>;
  currentMonth: string;
  /** Values in force of the account meter's earlier months, most recent first (micro). */
  history: readonly number[];
  /** Names the row in a measured parameter's `source`. */
  source: string;
}

export const judgeRow = (input: RowJudgement): JudgedRow | Refusal => {
  const { fields } = input;
  const period = fields.period ?? '';
  const periodProblem = judgePeriod(period, input.currentMonth);
  if (periodProblem) return periodProblem;
  const micro = judgeValue(fields, input.meter);
  if (typeof micro !== 'number') return micro;
  const implausible = judgePlausible(micro, input.history);
  if (implausible) return implausible;
  const [year = 0, month = 1] = period.split('-').map(Number);
  const lastDay = `${period}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
  const measured = judgeMeasured(fields, period, lastDay, input.source);
  if (!Array.isArray(measured)) return measured;
  return { period, micro, measured };
};

export const isRefusal = (value: JudgedRow | Refusal): value is Refusal => 'reason' in value;

export type { EnergyType };
