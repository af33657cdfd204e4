import type { EmissionFigures, SeriesPoint } from './emission-series.ts';
import { MASS_SCALE } from './fixed-point.ts';

/**
 * The minimum-count rule for those who may not read enterprise data (emissions-access.ts): a cell
 * of the city breakdown (an energy type, a gas, the scope split) filled by fewer than
 * MINIMUM_ENTERPRISES enterprises would show those enterprises' own figures, so it is merged into
 * 其他 (`other`). Merging one cell is not enough — the total is public, so a lone merged cell
 * would be the total minus the rest — hence more cells join `other`, fewest enterprises first,
 * until `other` itself holds the minimum or everything is in it. A cell nobody fills (zero) is
 * not sensitive.
 *
 * The scope split is all or nothing: co2eT = scope 1 + scope 2 (location) and co2eMarketT =
 * scope 1 + scope 2 (market) are both public, so any one scope figure gives the other two; if one
 * is filled by too few enterprises, all three are withheld.
 *
 * Periods and totals: each period is judged on the enterprises of that period; the totals on those
 * of the whole range, and a cell merged in any period is merged in the totals too, so no total
 * minus the periods shown gives back a hidden cell. Contributors come from the enterprise rollups
 * of the same periods (read at request time: cost grows with enterprises × periods, fine at
 * district scale). Pure.
 */
export const MINIMUM_ENTERPRISES = 3;
export const OTHER = 'other';
export const SCOPE_FIELDS = ['scope1T', 'scope2LocationT', 'scope2MarketT'] as const;
type ScopeField = (typeof SCOPE_FIELDS)[number];

/** A figure set as shown under the rule: scope figures may be withheld, small cells are in `other`. */
export type WithheldFigures = Omit<EmissionFigures, ScopeField> &
  Partial<Pick<EmissionFigures, ScopeField>> & { withheld?: ScopeField[] };

interface Cell {
  value: number;
  who: Set<string>;
}

/** What was merged, so the totals can merge it too. */
export interface Merged {
  energyTypes: Set<string>;
  gases: Set<string>;
  scopes: boolean;
}

const exactSum = (values: number[]) =>
  values.reduce((sum, value) => sum + Math.round(value * MASS_SCALE), 0) / MASS_SCALE;

/** Names of the cells merged into `other`: the small ones, then more until `other` is big enough. */
export const cellsToMerge = (cells: ReadonlyMap<string, Cell>, min: number, forced: ReadonlySet<string>) => {
  const merged = new Set(
    [...cells]
      .filter(([name, c]) => forced.has(name) || (c.who.size > 0 && c.who.size < min))
      .map(([n]) => n),
  );
  if (merged.size === 0) return merged;
  const inOther = () => new Set([...merged].flatMap((name) => [...(cells.get(name)?.who ?? [])]));
  const rest = [...cells]
    .filter(([name, c]) => !merged.has(name) && c.who.size > 0)
    .sort(
      ([a, x], [b, y]) =>
        x.who.size - y.who.size || Math.abs(x.value) - Math.abs(y.value) || (a < b ? -1 : 1),
    );
  for (const [name] of rest) {
    if (inOther().size >= min) break;
    merged.add(name);
  }
  return merged;
};

const cellsOf = (
  total: Record<string, number>,
  enterprises: ReadonlyMap<string, EmissionFigures>,
  pick: (figures: EmissionFigures) => Record<string, number>,
): Map<string, Cell> =>
  new Map(
    Object.entries(total).map(([name, value]) => [
      name,
      {
        value,
        who: new Set([...enterprises].filter(([, f]) => (pick(f)[name] ?? 0) !== 0).map(([id]) => id)),
      },
    ]),
  );

const mapValues = (record: Record<string, number>, to: (value: number) => number) =>
  Object.fromEntries(Object.entries(record).map(([name, value]) => [name, to(value)]));

const keepAndMerge = (
  record: Record<string, number>,
  merged: ReadonlySet<string>,
): Record<string, number> => {
  const kept = Object.fromEntries(Object.entries(record).filter(([name]) => !merged.has(name)));
  if (merged.size === 0) return kept;
  return { ...kept, [OTHER]: exactSum([...merged].map((name) => record[name] ?? 0)) };
};

const scopeTooSmall = (enterprises: ReadonlyMap<string, EmissionFigures>, min: number) =>
  SCOPE_FIELDS.some((field) => {
    const who = [...enterprises.values()].filter((f) => f[field] !== 0).length;
    return who > 0 && who < min;
  });

/**
 * One figure set under the rule, given the figures of each enterprise that make it up. `forced`
 * names what must be merged whatever the counts (for totals: what any period merged).
 */
export const withholdSmallCells = (
  figures: EmissionFigures,
  enterprises: ReadonlyMap<string, EmissionFigures>,
  forced: Merged = { energyTypes: new Set(), gases: new Set(), scopes: false },
  min = MINIMUM_ENTERPRISES,
): { figures: WithheldFigures; merged: Merged } => {
  // An enterprise fills an energy-type cell with a figure, a quantity or energy (green power: 0 t,
  // some kWh and tce). The tce breakdown is merged with the same cells.
  const energyTotals = { ...mapValues(figures.tceByEnergyType, () => 0), ...figures.energyTypes };
  const energyCells = cellsOf(energyTotals, enterprises, (f) =>
    Object.fromEntries(
      Object.keys(energyTotals).map((type) => [
        type,
        (f.energyTypes[type] ?? 0) !== 0 ||
        (f.quantities[type]?.value ?? 0) !== 0 ||
        (f.tceByEnergyType[type] ?? 0) !== 0
          ? 1
          : 0,
      ]),
    ),
  );
  const merged: Merged = {
    energyTypes: cellsToMerge(energyCells, min, forced.energyTypes),
    gases: cellsToMerge(
      cellsOf(figures.gases, enterprises, (f) => f.gases),
      min,
      forced.gases,
    ),
    scopes: forced.scopes || scopeTooSmall(enterprises, min),
  };
  const { scope1T, scope2LocationT, scope2MarketT, ...rest } = figures;
  const shown: WithheldFigures = {
    ...rest,
    energyTypes: keepAndMerge(figures.energyTypes, merged.energyTypes),
    tceByEnergyType: keepAndMerge(figures.tceByEnergyType, merged.energyTypes),
    gases: keepAndMerge(figures.gases, merged.gases),
    quantities: Object.fromEntries(
      Object.entries(figures.quantities).filter(([type]) => !merged.energyTypes.has(type)),
    ),
    ...(merged.scopes ? { withheld: [...SCOPE_FIELDS] } : { scope1T, scope2LocationT, scope2MarketT }),
  };
  return { figures: shown, merged };
};

/** Per enterprise, per period: the enterprise rollups the city figures are made of. */
export type EnterpriseFigures = ReadonlyMap<string, ReadonlyMap<string, EmissionFigures>>;

/**
 * A city series and its totals under the rule. `totals` are the city's own totals (unrestricted);
 * each period's contributors are the enterprises with figures in it, the totals' those of any period.
 */
export const withholdSeries = (
  series: readonly SeriesPoint[],
  totals: EmissionFigures,
  byEnterprise: EnterpriseFigures,
  min = MINIMUM_ENTERPRISES,
) => {
  const forced: Merged = { energyTypes: new Set(), gases: new Set(), scopes: false };
  const shown = series.map((point) => {
    const enterprises = new Map(
      [...byEnterprise].flatMap(([id, periods]) => {
        const figures = periods.get(point.period);
        return figures ? [[id, figures] as const] : [];
      }),
    );
    const { figures, merged } = withholdSmallCells(point, enterprises, undefined, min);
    for (const name of merged.energyTypes) forced.energyTypes.add(name);
    for (const name of merged.gases) forced.gases.add(name);
    forced.scopes ||= merged.scopes;
    return { ...figures, period: point.period };
  });
  const overRange = new Map(
    [...byEnterprise].map(([id, periods]) => [id, unionOf([...periods.values()])] as const),
  );
  return { series: shown, totals: withholdSmallCells(totals, overRange, forced, min).figures };
};

/** An enterprise's figures over the range, for counting: a cell is filled when any period fills it. */
const unionOf = (periods: readonly EmissionFigures[]): EmissionFigures => {
  const nonZero = (pick: (f: EmissionFigures) => Record<string, number>) =>
    Object.fromEntries(periods.flatMap((f) => Object.entries(pick(f)).filter(([, v]) => v !== 0)));
  const any = (field: ScopeField) => (periods.some((f) => f[field] !== 0) ? 1 : 0);
  return {
    co2eT: 0,
    co2eMarketT: 0,
    scope1T: any('scope1T'),
    scope2LocationT: any('scope2LocationT'),
    scope2MarketT: any('scope2MarketT'),
    energyTypes: nonZero((f) => f.energyTypes),
    gases: nonZero((f) => f.gases),
    quantities: Object.fromEntries(
      periods.flatMap((f) => Object.entries(f.quantities).filter(([, q]) => q.value !== 0)),
    ),
    tce: 0,
    tceByEnergyType: nonZero((f) => f.tceByEnergyType),
    readings: 0,
    batches: 0,
  };
};
