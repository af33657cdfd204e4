// From the domain directly (not ./registry-api.ts), so this pure helper stays DOM-free for tests.
import type { Economics } from '../../../../shared/domain/registry/economics.ts';

/** One line of the enterprise form's yearly figures (万元); empty inputs are null in antd. */
export interface EconomicsRow {
  year?: string | undefined;
  outputValue?: number | null | undefined;
  valueAdded?: number | null | undefined;
}

/** The record's yearly figures as form lines, newest year first. */
export const economicsRows = (economics: Economics | undefined): EconomicsRow[] =>
  Object.entries(economics ?? {})
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([year, figures]) => ({ year, ...figures }));

/**
 * Form lines as the PATCH body's `economics`: the whole map (the API replaces it at once), or null
 * when no line is left (removes them all). Lines without a year are dropped; an emptied figure is
 * left out, and the API says when a year is left with neither.
 */
export const economicsOf = (rows: readonly EconomicsRow[] | undefined): Economics | null => {
  const filled = (rows ?? []).filter((row) => (row.year ?? '').trim() !== '');
  if (filled.length === 0) return null;
  return Object.fromEntries(
    filled.map((row) => [
      (row.year ?? '').trim(),
      {
        ...(row.outputValue == null ? {} : { outputValue: row.outputValue }),
        ...(row.valueAdded == null ? {} : { valueAdded: row.valueAdded }),
      },
    ]),
  );
};
