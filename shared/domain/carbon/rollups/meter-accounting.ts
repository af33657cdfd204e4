import { isFuelEnergyType } from '../../registry/energy-types.ts';
import type { EnterpriseRecord, MeterRecord } from '../../registry/records.ts';
import type { AccountingDefaults } from '../accounting/accounting-context.ts';
import type { AccountingContext, Activity } from '../accounting/accounting-types.ts';
import { AccountingError } from '../accounting/errors.ts';
import {
  DEFAULT_GRID_PROGRAMME,
  type GridProgrammeId,
  getGridProgramme,
} from '../accounting/grid-programmes.ts';

/**
 * What one meter's readings are accounted with, and as what activity. Pure.
 *
 * Rollups hold two totals side by side: location-based (`co2e`, the official figure budgets and
 * rankings use) and market-based (`co2eMarket`). Electricity is priced for each:
 *   location-based: the enterprise's factor programme (registry), else the deployment's
 *     (`QS_FACTOR_PROGRAMME`) — when the one chosen is itself market-based (the residual mix),
 *     the location figure falls to the deployment's location programme, else `mee-nbs-regional`;
 *   market-based: always the residual mix (`mee-nbs-residual-mix`), contracted green power at zero.
 * Every other energy type has one figure, the same under both totals. The method and GWP set are
 * the deployment's (`QS_ACCOUNTING_METHOD`, `QS_GWP_SET`).
 */

export const MARKET_PROGRAMME: GridProgrammeId = 'mee-nbs-residual-mix';

export interface MeterAccounting {
  location: AccountingContext;
  /** Electricity only: the market-based figure's context. */
  market?: AccountingContext;
}

const isLocationBased = (id: GridProgrammeId) => getGridProgramme(id).basis === 'location-based';

/** The location programme in effect: the enterprise's choice, the deployment's, or the regional grid. */
export const locationProgrammeOf = (
  defaults: Pick<AccountingDefaults, 'programme'>,
  enterprise?: Pick<EnterpriseRecord, 'factorProgramme'>,
): GridProgrammeId =>
  [enterprise?.factorProgramme, defaults.programme].find(
    (id): id is GridProgrammeId => id !== undefined && isLocationBased(id),
  ) ?? DEFAULT_GRID_PROGRAMME;

export const meterAccountingFor = (
  defaults: AccountingDefaults,
  meter: Pick<MeterRecord, 'energyType'>,
  enterprise?: Pick<EnterpriseRecord, 'factorProgramme'>,
): MeterAccounting => {
  const base = { method: defaults.method, gwpSet: defaults.gwpSet };
  const location = { ...base, programme: locationProgrammeOf(defaults, enterprise) };
  return meter.energyType === 'electricity'
    ? { location, market: { ...base, programme: MARKET_PROGRAMME } }
    : { location };
};

/** The meter fields an activity is built from (a snapshot of them is kept in the batch log). */
export type ActivityMeter = Pick<
  MeterRecord,
  'energyType' | 'unit' | 'gridRegion' | 'greenPower' | 'measuredParameters'
>;

const NATIONAL_REGION = 'CN';

/** When a quantity was measured: its local data year and day (measured parameters hold by day). */
export interface ReadingDate {
  year: number;
  /** Local day, YYYY-MM-DD. */
  date: string;
}

/** The engine's activity for a quantity the meter measured on a local day. */
export const activityOf = (meter: ActivityMeter, quantity: number, when: ReadingDate): Activity => {
  const unit = meter.unit as never;
  const { year, date } = when;
  if (isFuelEnergyType(meter.energyType)) {
    const measured = meter.measuredParameters ?? [];
    return {
      type: 'fuel',
      fuel: meter.energyType,
      quantity,
      unit,
      region: NATIONAL_REGION,
      year,
      date,
      ...(measured.length > 0 ? { measuredParameters: measured } : {}),
    };
  }
  switch (meter.energyType) {
    case 'electricity':
      return {
        type: 'electricity',
        quantity,
        unit,
        region: meter.gridRegion ?? NATIONAL_REGION,
        year,
        date,
        greenPowerQuantity: meter.greenPower ? quantity : 0,
      };
    case 'steam-heat':
      return { type: 'purchased-heat', quantity, unit, region: NATIONAL_REGION, year, date };
    case 'process-emission':
      if (meter.unit !== 'tCO2e' && meter.unit !== 'kgCO2e')
        throw new AccountingError(
          'unit-mismatch',
          `过程排放计量表须以 tCO2e 或 kgCO2e 上报，不能是 ${meter.unit} (a process-emission meter must report tCO2e or kgCO2e, not ${meter.unit})`,
          '/unit',
        );
      return { type: 'process-emission', measured: 'co2e', quantity, unit: meter.unit };
    default:
      throw new AccountingError(
        'unknown-activity',
        `能源类型 ${meter.energyType} 没有对应的活动数据 (no activity for energy type ${meter.energyType})`,
        '/type',
      );
  }
};

/** `2026-11-28T09` (or a day) → its data year and day. */
export const readingDateOf = (localPeriod: string): ReadingDate => ({
  year: Number(localPeriod.slice(0, 4)),
  date: localPeriod.slice(0, 10),
});
