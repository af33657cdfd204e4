import type { EnterpriseRecord, MeterRecord } from '../../domain/registry/records.ts';
import type { MeterListOptions, Page, RegistryReader } from '../../ports/registry-store.ts';

/**
 * The whole of a registry list, page by page. A district registers hundreds of enterprises and
 * meters, not millions, so callers that rank or report over all of them read the list whole.
 */
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

export const allEnterprises = (
  registry: Pick<RegistryReader, 'listEnterprises'>,
): Promise<EnterpriseRecord[]> =>
  drain((cursor) => registry.listEnterprises({ limit: PAGE, ...(cursor ? { cursor } : {}) }));

/** Every meter, or those matching the filter (one enterprise, one facility, one status). */
export const allMeters = (
  registry: Pick<RegistryReader, 'listMeters'>,
  filter: Omit<MeterListOptions, 'cursor' | 'limit'> = {},
): Promise<MeterRecord[]> =>
  drain((cursor) => registry.listMeters({ ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) }));
