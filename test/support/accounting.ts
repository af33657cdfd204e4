import type { AccountingDefaults } from '../../shared/domain/carbon/accounting/accounting-context.ts';
import { type GwpSetId, getGwpSet } from '../../shared/domain/carbon/accounting/gwp.ts';
import type { AccountingMethodId } from '../../shared/domain/carbon/accounting/methods.ts';
import {
  type MeterAccounting,
  meterAccountingFor,
} from '../../shared/domain/carbon/rollups/meter-accounting.ts';
import type { EnergyType } from '../../shared/domain/registry/records.ts';

/** The deployment's defaults when nothing is configured: GB/T, the regional grid, AR5. */
export const defaultAccounting = (
  over: { method?: AccountingMethodId; gwpSet?: GwpSetId } = {},
): AccountingDefaults => ({
  method: over.method ?? 'gbt-32150',
  programme: 'mee-nbs-regional',
  gwpSet: getGwpSet(over.gwpSet ?? 'AR5'),
});

/** A meter's accounting under the defaults (or the given method and set), no enterprise choice. */
export const accountingFor = (
  meter: { energyType: EnergyType },
  over: { method?: AccountingMethodId; gwpSet?: GwpSetId } = {},
): MeterAccounting => meterAccountingFor(defaultAccounting(over), meter);

/** A local day in 2026 (the library's latest factors then are the 2023 grid values). */
export const ON_2026_06_01 = { year: 2026, date: '2026-06-01' } as const;
