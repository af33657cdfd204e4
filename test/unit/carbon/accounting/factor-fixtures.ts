import type { AccountingContext } from '../../../../shared/domain/carbon/accounting/accounting-types.ts';
import { contentHashOf } from '../../../../shared/domain/carbon/accounting/content-hash.ts';
import {
  type EmissionFactor,
  type FactorLibrary,
  parseFactorLibrary,
} from '../../../../shared/domain/carbon/accounting/factors.ts';
import { type GwpSetId, getGwpSet } from '../../../../shared/domain/carbon/accounting/gwp.ts';

/** A hand-made factor as a data file would hold it: verification noted and its hash stamped. */
export const stampFactor = (factor: Record<string, unknown>, publisher: string): Record<string, unknown> => {
  const withVerification = { verification: { status: 'unverified', note: 'test data' }, ...factor };
  return { ...withVerification, contentHash: contentHashOf({ ...withVerification, publisher }) };
};

export const factorFile = (publisher: string, factors: Record<string, unknown>[]) => ({
  publisher,
  factors: factors.map((f) => stampFactor(f, publisher)),
});

/** A library of some shipped factors, each kept under its own publisher so its hash still holds. */
export const libraryOf = (factors: readonly EmissionFactor[]): FactorLibrary =>
  parseFactorLibrary(factors.map(({ publisher, ...factor }) => ({ publisher, factors: [factor] })));

export const context = (over: Partial<AccountingContext> & { gwp?: GwpSetId } = {}): AccountingContext => {
  const { gwp = 'AR5', ...rest } = over;
  return { method: 'gbt-32150', programme: 'mee-nbs-regional', gwpSet: getGwpSet(gwp), ...rest };
};
