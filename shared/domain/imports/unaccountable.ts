import { AccountingError } from '../carbon/accounting/errors.ts';
import { ENERGY_TYPE_LABELS } from '../registry/energy-types.ts';
import type { EnergyType } from '../registry/records.ts';
import { type Refusal, refusal } from './judge-row.ts';

/**
 * A row the accounting engine cannot account (docs/imports.md, "Row by row"): most often a month
 * before the factor library's first factor of the energy type (grid factors start in 2021). It is a
 * fault of that row, not of the run, so it is refused like any other — the file's other rows go on.
 * Only the engine's own errors are a row's; anything else (a store, a bug) still stops the run.
 * Pure.
 */
export const unaccountableRow = (
  error: unknown,
  energyType: EnergyType,
  period: string,
): Refusal | undefined => {
  if (!(error instanceof AccountingError)) return undefined;
  const label = ENERGY_TYPE_LABELS[energyType] ?? energyType;
  if (error.code === 'factor-not-found')
    return refusal(
      'no-factor',
      'period',
      `该月份无适用的排放因子：${label}，${period} (no emission factor covers ${energyType} in ${period}: ${error.message})`,
    );
  return refusal(
    'not-accountable',
    'period',
    `该月份无法核算：${label}，${period} (${energyType} in ${period} cannot be accounted: ${error.message})`,
  );
};
