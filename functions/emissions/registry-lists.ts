import type { EnterpriseRecord, MeterRecord } from '../../shared/domain/registry/records.ts';
import type { Page, RegistryReader } from '../../shared/ports/registry-store.ts';

const PAGE = 100;

const drain = async <T>(next: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> => {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await next(cursor);
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return all;
};

/** Every enterprise in the registry (a district has hundreds, not millions). */
export const allEnterprises = (registry: RegistryReader): Promise<EnterpriseRecord[]> =>
  drain((cursor) => registry.listEnterprises({ limit: PAGE, ...(cursor ? { cursor } : {}) }));

/** Every meter, or every meter of one enterprise. */
export const allMeters = (registry: RegistryReader, enterpriseId?: string): Promise<MeterRecord[]> =>
  drain((cursor) =>
    registry.listMeters({
      limit: PAGE,
      ...(enterpriseId ? { enterpriseId } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  );
