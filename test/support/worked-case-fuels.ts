import type { Case, MeterSpec } from './worked-cases.ts';

/**
 * The worked cases of the fuel table (ingest-worked-cases.test.ts): one meter and one reading per
 * fuel of GB/T 32150-2015 Table B.1, each expected figure computed by hand below from the published
 * values written into the table — never by calling the engine.
 */

export const CO2_PER_C = 44 / 12;
export const GJ_PER_TCE = 29.3076; // GB/T 2589-2020: 1 kgce = 29 307.6 kJ
/** E = amount × NCV × CC × OF × 44/12 (amount in t or 10⁴ Nm³, NCV in GJ per that, CC in tC/TJ). */
export const combustion = (amount: number, ncv: number, cc: number, of: number) =>
  (amount * ncv * cc * of * CO2_PER_C) / 1000;

/**
 * GB/T 32150-2015 Table B.1 as published (NCV GJ/t or GJ/10⁴Nm³, carbon content tC/TJ, oxidation),
 * with the GB/T 2589-2020 Appendix A coefficient where it gives one value (kgce/kg; kgce/m³ for
 * blast-furnace gas). Each row: [fuel, meter unit, quantity, amount on the NCV basis, NCV, CC, OF,
 * tce coefficient, canonical quantity].
 */
const FUELS: [string, string, number, number, number, number, number, number | undefined, number][] = [
  ['anthracite', 't', 10, 10, 26.7, 27.4, 0.94, undefined, 10],
  ['bituminous-coal', 'kg', 5000, 5, 19.57, 26.1, 0.93, undefined, 5],
  ['lignite', 't', 10, 10, 11.9, 28, 0.96, undefined, 10],
  ['washed-coal', 't', 10, 10, 26.334, 25.41, 0.9, 0.9, 10],
  ['other-washed-coal', 't', 10, 10, 12.545, 25.41, 0.9, undefined, 10],
  ['briquette', 't', 10, 10, 17.46, 33.6, 0.9, undefined, 10],
  ['coke', 't', 10, 10, 28.435, 29.5, 0.93, 0.9714, 10],
  ['raw-coal', 't', 10, 10, 20.908, 26.37, 0.94, 0.7143, 10],
  ['crude-oil', 't', 2, 2, 41.816, 20.1, 0.98, 1.4286, 2],
  ['fuel-oil', 'kg', 1500, 1.5, 41.816, 21.1, 0.98, 1.4286, 1.5],
  // 1 000 L × 0.7475 kg/L (GB 17930 density in the library) = 0.7475 t
  ['gasoline', 'L', 1000, 0.7475, 43.07, 18.9, 0.98, 1.4714, 0.7475],
  ['diesel', 't', 2, 2, 42.652, 20.2, 0.98, 1.4571, 2],
  ['kerosene', 't', 2, 2, 43.07, 19.6, 0.98, 1.4714, 2],
  ['lng', 't', 2, 2, 44.2, 17.2, 0.98, 1.7572, 2],
  ['lpg', 'kg', 1500, 1.5, 50.179, 17.2, 0.98, 1.7143, 1.5],
  ['naphtha', 't', 2, 2, 44.5, 20, 0.98, undefined, 2],
  ['coal-tar', 't', 2, 2, 33.453, 22, 0.98, undefined, 2],
  ['crude-benzene', 't', 2, 2, 41.816, 22.7, 0.98, undefined, 2],
  ['other-petroleum-products', 't', 2, 2, 40.2, 20, 0.98, undefined, 2],
  ['refinery-gas', 't', 2, 2, 45.998, 18.2, 0.99, 1.5714, 2],
  ['natural-gas', '10^4Nm3', 2, 2, 389.31, 15.3, 0.99, undefined, 20_000],
  ['coke-oven-gas', 'Nm3', 5000, 0.5, 179.81, 13.58, 0.99, undefined, 5000],
  // blast-furnace gas: 0.1286 kgce/m³ → 10⁴ Nm³ × 10 × 0.1286 tce
  ['blast-furnace-gas', 'm3', 100_000, 10, 33, 70.8, 0.99, 0.1286 * 10, 100_000],
  ['converter-gas', 'Nm3', 20_000, 2, 84, 49.6, 0.99, undefined, 20_000],
  ['other-coal-gas', 'Nm3', 10_000, 1, 52.27, 12.2, 0.99, undefined, 10_000],
];

export const fuelMeters: MeterSpec[] = FUELS.map(([fuel, unit]) => ({
  id: `WC-${fuel}`,
  enterpriseId: 'ENT-0001',
  energyType: fuel,
  unit,
}));
export const fuelCases: Case[] = FUELS.map(
  ([fuel, , quantity, amount, ncv, cc, of, coefficient, canonical]) => ({
    name: `${fuel}: ${quantity} → ${amount} × ${ncv} × ${cc} × ${of} × 44/12`,
    meter: `WC-${fuel}`,
    quantity,
    expected: {
      co2eT: combustion(amount, ncv, cc, of),
      tce: coefficient === undefined ? (amount * ncv) / GJ_PER_TCE : amount * coefficient,
      quantity: [
        canonical,
        ['natural-gas', 'coke-oven-gas', 'blast-furnace-gas', 'converter-gas', 'other-coal-gas'].includes(
          fuel,
        )
          ? 'Nm3'
          : 't',
      ],
      ch4: 0,
    },
  }),
);
