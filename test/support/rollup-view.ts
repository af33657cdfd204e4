import { figuresOf } from '../../shared/domain/carbon/rollups/emission-series.ts';

/**
 * A stored rollup item as the emissions API reads it (shared/domain/carbon/rollups/rollup-figures.ts):
 * its ingest attributes as stored (readings, batches, msgs, factorRefs, batchLog …) and its figures
 * back in tonnes and canonical units under readable names — co2eT, co2eMarketT, scope1T,
 * scope2LocationT, scope2MarketT, `e_<type>T`, `g_<gas>T`, `q_<type>` with its unit in `u_<type>`.
 * The stored fixed-point attributes stay too, for tests about the representation itself.
 * An absent item stays `{}`.
 */
export const readableRollup = (item: Record<string, unknown> | undefined): Record<string, unknown> => {
  if (item === undefined) return {};
  const figures = figuresOf(item);
  const view: Record<string, unknown> = {
    ...item,
    co2eT: figures.co2eT,
    co2eMarketT: figures.co2eMarketT,
    scope1T: figures.scope1T,
    scope2LocationT: figures.scope2LocationT,
    scope2MarketT: figures.scope2MarketT,
  };
  for (const [type, tonnes] of Object.entries(figures.energyTypes)) view[`e_${type}T`] = tonnes;
  for (const [gas, tonnes] of Object.entries(figures.gases)) view[`g_${gas}T`] = tonnes;
  for (const [type, quantity] of Object.entries(figures.quantities)) {
    view[`q_${type}`] = quantity.value;
    view[`u_${type}`] = quantity.unit;
  }
  return view;
};
