// From the contract, not ./registry-api.ts, so this stays DOM-free and unit-testable.
import type { Meter, UpdateMeter as MeterChanges } from '../../../../shared/contracts/meters.ts';

type Measured = NonNullable<Meter['measuredParameters']>;

/** One line of the 实测值 editor: the contract's entry, each part possibly not filled in yet. */
export type MeasuredRow = Partial<Measured[number]>;

/** The lines the editor starts from. */
export const measuredRows = (list: Meter['measuredParameters']): MeasuredRow[] =>
  (list ?? []).map((p) => ({ ...p }));

/** An entry with its parts in the contract's order, as the registry stores it. */
const canonical = (row: MeasuredRow) => ({
  parameter: row.parameter,
  value: row.value,
  unit: row.unit,
  validFrom: row.validFrom,
  validTo: row.validTo,
  source: row.source?.trim(),
});

/**
 * The lines as the update's `measuredParameters` (the list replaces the stored one): the whole
 * list, `null` when the last one was removed, and nothing when the lines are what is stored — the
 * registry's audit compares lists as JSON, so an untouched list sent back in the form's key order
 * would be recorded as a change.
 */
export const measuredChange = (
  stored: Meter['measuredParameters'],
  rows: readonly MeasuredRow[] | undefined,
): Pick<MeterChanges, 'measuredParameters'> => {
  const list = (rows ?? []).map(canonical) as Measured;
  const before = (stored ?? []).map(canonical);
  if (JSON.stringify(list) === JSON.stringify(before)) return {};
  return { measuredParameters: list.length > 0 ? list : null };
};
