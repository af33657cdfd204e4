import type { FactorUse } from './accounting-types.ts';
import { factorRefOf } from './content-hash.ts';
import { AccountingError } from './errors.ts';
import type { EmissionFactor } from './factors.ts';
import type { FactorSelection } from './select-factor.ts';

/** A quantity must be a finite, non-negative number; anything else is refused with its field. */
export const assertQuantity = (value: unknown, field: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new AccountingError('non-finite-number', `${field} must be a finite number`, field);
  }
  if (value < 0) throw new AccountingError('negative-quantity', `${field} cannot be negative`, field);
  return value;
};

export const assertUnit = <U extends string>(
  unit: unknown,
  isAllowed: (u: string) => u is U,
  what: string,
): U => {
  if (typeof unit !== 'string' || !isAllowed(unit)) {
    throw new AccountingError('unit-mismatch', `unit ${String(unit)} is not a ${what} unit`, '/unit');
  }
  return unit;
};

export const describeUse = (
  role: FactorUse['role'],
  { factor, selection }: { factor: EmissionFactor; selection: FactorSelection },
): FactorUse => ({
  role,
  factorId: factor.id,
  factorVersion: factor.version,
  contentHash: factor.contentHash,
  ref: factorRefOf(factor),
  source: factor.source,
  citation: factor.citation,
  verification: factor.verification.status,
  selection,
  record: factor,
});
