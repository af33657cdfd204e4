/**
 * An enterprise's yearly economic figures, entered by admins, in 万元 (10 000 yuan) per calendar
 * year: 工业总产值 (industrial output value, current prices) and 工业增加值 (industrial value added).
 * They are the denominators of emission intensity (emissions-intensity.ts); the registry keeps them
 * on the enterprise record so every change has a version and an audit entry like any other field.
 */
export interface YearEconomics {
  /** 工业总产值, 万元 */
  outputValue?: number;
  /** 工业增加值, 万元 */
  valueAdded?: number;
}

/** Keyed by the four-digit calendar year, e.g. `{ "2026": { valueAdded: 5000 } }`. */
export type Economics = Record<string, YearEconomics>;

export const ECONOMIC_YEAR = /^[12]\d{3}$/;

/**
 * The same figures in one order (years ascending, fields by name). The audit compares versions as
 * JSON, and a map read back from the store need not keep the order it was written in.
 */
export const canonicalEconomics = (economics: Economics): Economics =>
  Object.fromEntries(
    Object.keys(economics)
      .sort()
      .map((year) => {
        const { outputValue, valueAdded } = economics[year] ?? {};
        return [
          year,
          {
            ...(outputValue === undefined ? {} : { outputValue }),
            ...(valueAdded === undefined ? {} : { valueAdded }),
          },
        ];
      }),
  );
