import type { EnergyType, MeterRecord } from '../registry/records.ts';
import type { FeedKind } from './templates.ts';

/**
 * An account of a feed (a utility account number, a fuel supplier's customer number, an enterprise's
 * report line) mapped by an admin to the registry's meters that stand for it: one meter for a
 * utility or fuel account, one per energy type for an energy report (docs/imports.md, "Accounts").
 */
export interface ImportAccount {
  accountId: string;
  kind: FeedKind;
  name?: string;
  /** Energy type → the account meter's id. */
  meters: Partial<Record<EnergyType, string>>;
  enterpriseId: string;
  /**
   * Which source counts where a meter and this feed cover the same activity: `feed` — its slot
   * messages reach every level; `meter` — recorded on the account meter only (not counted).
   */
  counts: 'feed' | 'meter';
  updatedAt: string;
  updatedBy: string;
}

/** The meter of a row: the account's only meter, or (energy report) the one of the row's type. */
export const meterIdOf = (account: ImportAccount, energyType: string): string | undefined => {
  if (account.kind !== 'energy-report') return Object.values(account.meters)[0];
  return account.meters[energyType as EnergyType];
};

/**
 * The default of `counts` when the admin gives none: the feed counts unless the enterprise has
 * another meter of the same energy type that is not an account meter (the finer source wins).
 */
export const defaultCounts = (
  accountMeters: readonly MeterRecord[],
  enterpriseMeters: readonly MeterRecord[],
  otherAccountMeterIds: ReadonlySet<string>,
): 'feed' | 'meter' => {
  const own = new Set(accountMeters.map((m) => m.id));
  const types = new Set(accountMeters.map((m) => m.energyType));
  const overlapping = enterpriseMeters.some(
    (m) =>
      types.has(m.energyType) && !own.has(m.id) && !otherAccountMeterIds.has(m.id) && m.status === 'active',
  );
  return overlapping ? 'meter' : 'feed';
};
