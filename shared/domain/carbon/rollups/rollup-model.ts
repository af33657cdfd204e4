import { wallClockOf } from '../../calendar/local-date.ts';
import type { EnergyType, MeterRecord } from '../../registry/records.ts';
import { addExact, type Exact } from './fixed-point.ts';

/**
 * What a rollup item holds, named by level, target, granularity and period (`RollupKey`); its
 * stored keys, and those of budgets, alerts, recalculations and batch logs, are the adapters'
 * (shared/adapters/dynamodb/carbon/carbon-keys.ts).
 *
 * Rollups:
 *   level city (id `city`) | industry (id = GB/T 4754 class code, e.g. `C2511`) | enterprise (id) |
 *   meter (id); gran hour | day | month; period in the deployment time zone (default Asia/Shanghai):
 *   hour `2026-11-28T15`, day `2026-11-28`, month `2026-11`. A reading at 23:30 UTC is already the
 *   next local day in Shanghai. One reading touches 4 levels × 3 granularities = 12 keys.
 *   Figures are FLAT numeric attributes so `UpdateItem ADD` works, and every summed one is an
 *   INTEGER in fixed point (fixed-point.ts: DynamoDB keeps 38 digits, raw doubles overflow them):
 *     co2e_mg (location-based total), co2eMarket_mg (market-based total), scope1_mg,
 *     scope2Location_mg, scope2Market_mg, `e_<energyType>_mg` (CO2e per energy type,
 *     location-based), g_CO2_mg / g_CH4_mg / g_N2O_mg (gas mass) — all integer milligrams (1e-9 t);
 *     `qc_<energyType>` (activity quantity in integer millionths of the energy type's canonical
 *     unit, canonical-units.ts: one unit per type at every level); readings, batches (counts);
 *     tce_mg and `tce_<energyType>_mg` (energy consumption per GB/T 2589, integer milligrams of
 *     standard coal equivalent = 1e-9 tce, the same scale and rounding as the masses; items
 *     written before it have none and read as 0 tce).
 *   Items written before fixed point hold the same figures as doubles in tonnes (co2eT, co2eMarketT,
 *   scope1T, scope2LocationT, scope2MarketT, `e_<type>T`, `g_<gas>T`) and quantities in the meter's
 *   unit (`q_<type>`, unit in `u_<type>`); readers add both (rollup-figures.ts), so old data stays
 *   readable and new ADDs go to the new attributes only.
 *   `readings` counts the readings the ingest accepted, each on the keys of its own instant. For a
 *   cumulative register that is one per instant newly held, with or without a delta: the meter's
 *   first (origin) reading counts though it yields no quantity, so do a zero step, a rollover or
 *   reset step, and a late reading that re-splits a stored interval (once, in its own hour; the
 *   corrected hour gets no reading). Not counted: a redelivered message, a reading repeating a held
 *   instant and value, a conflicting value at a held instant. The quantity is the register's
 *   advance, so a lost message in the middle of a run leaves `q_*` whole (the next reading spans the
 *   gap) and shows only as `readings` short of what was sent; `batches` counts messages per key.
 *   Ranking: no GSI; C2 ranks by querying the per-level partitions for one period.
 *   Every rollup item also gets `factorRefs` (string set, `factorId@version`); meter-level items
 *   `lastReadingAt`. The meter-level HOUR item doubles as the ingest's state for that meter-hour
 *   (msgs, regs, rv, batchLog — see shared/domain/carbon/ingest/ingest-plan.ts), and a cumulative
 *   meter's hour series holds one item, period `#origin`, without figures (it sorts before all hours).
 *   Past 100 logged messages in one meter-hour, further batch-log entries are items of their own.
 */

export const ROLLUP_LEVELS = ['city', 'industry', 'enterprise', 'meter'] as const;
export type RollupLevel = (typeof ROLLUP_LEVELS)[number];
export const GRANULARITIES = ['hour', 'day', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const ALERT_KINDS = [
  'budgetWarning',
  'budgetBreach',
  'meterOffline',
  'anomaly',
  'calendarRunningOut',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
/** What an alert is about: a rollup target, or (`system`) the platform's own data, e.g. its calendar. */
export const ALERT_LEVELS = [...ROLLUP_LEVELS, 'system'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export const CITY_ID = 'city';
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface LocalPeriods {
  hour: string;
  day: string;
  month: string;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The local hour, day and month keys of an instant in the zone. */
export const localPeriodsOf = (instant: Date, timeZone = DEFAULT_TIME_ZONE): LocalPeriods => {
  const wall = wallClockOf(instant.getTime(), timeZone);
  const month = `${pad(wall.year, 4)}-${pad(wall.month)}`;
  const day = `${month}-${pad(wall.day)}`;
  return { hour: `${day}T${pad(wall.hour)}`, day, month };
};

/**
 * A rollup item named by what it is: a level's target, a granularity, a local period. `feedmonth` is
 * an import's feed month (feed-days.ts); the period `#origin` names a cumulative meter's register
 * origin in its hour series (meter-hour-state.ts). The adapters map it to a stored key.
 */
export interface RollupKey {
  level: RollupLevel;
  id: string;
  granularity: Granularity | 'feedmonth';
  period: string;
}

/** One string per rollup item, for maps and sets (not a stored key). */
export const rollupKeyId = (key: RollupKey): string =>
  `${key.level}\u0000${key.id}\u0000${key.granularity}\u0000${key.period}`;

/**
 * The 12 rollup keys one reading of the meter touches; only its own 3 when the meter is
 * `recordedOnly` (a feed counts that activity instead: docs/imports.md, "Which source counts").
 */
export const rollupKeysFor = (
  meter: Pick<MeterRecord, 'id' | 'enterpriseId' | 'industryCode' | 'recordedOnly'>,
  periods: LocalPeriods,
): RollupKey[] => {
  const targets: [RollupLevel, string][] = meter.recordedOnly
    ? [['meter', meter.id]]
    : [
        ['city', CITY_ID],
        ['industry', meter.industryCode],
        ['enterprise', meter.enterpriseId],
        ['meter', meter.id],
      ];
  return targets.flatMap(([level, id]) =>
    GRANULARITIES.map((granularity) => ({ level, id, granularity, period: periods[granularity] })),
  );
};

/** Flat integer figures added to a rollup item (fixed point). Keys: see the layout comment above. */
export type RollupFigures = Record<string, Exact>;

/** The five totals, each in integer milligrams. */
export const TOTAL_FIGURES = {
  co2e: 'co2e_mg',
  co2eMarket: 'co2eMarket_mg',
  scope1: 'scope1_mg',
  scope2Location: 'scope2Location_mg',
  scope2Market: 'scope2Market_mg',
} as const;
export const energyFigure = (energyType: EnergyType): string => `e_${energyType}_mg`;
/** Energy consumption (GB/T 2589) in integer milligrams of standard coal equivalent (1e-9 tce). */
export const TCE_FIGURE = 'tce_mg';
export const tceFigure = (energyType: EnergyType): string => `tce_${energyType}_mg`;
export const gasFigure = (gas: string): string => `g_${gas}_mg`;
export const quantityFigure = (energyType: EnergyType): string => `qc_${energyType}`;

export interface Contribution {
  key: RollupKey;
  figures: RollupFigures;
}

/** Adds `figures` into `into`, exactly (integers; BigInt past 2^53). */
export const addFigures = (into: RollupFigures, figures: Readonly<RollupFigures>): void => {
  for (const [name, value] of Object.entries(figures)) into[name] = addExact(into[name] ?? 0, value);
};

/** Sums contributions per key so a message writes each rollup item once; first-seen key order. */
export const aggregate = (contributions: readonly Contribution[]): Contribution[] => {
  const byKey = new Map<string, Contribution>();
  for (const c of contributions) {
    const id = rollupKeyId(c.key);
    const acc = byKey.get(id) ?? { key: c.key, figures: {} };
    addFigures(acc.figures, c.figures);
    byKey.set(id, acc);
  }
  return [...byKey.values()];
};
