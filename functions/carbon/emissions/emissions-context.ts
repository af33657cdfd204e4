import { getDocumentClient } from '../../../shared/adapters/aws-clients.ts';
import { DynamoCarbonReadStore } from '../../../shared/adapters/dynamodb/carbon/carbon-read-store.ts';
import { DynamoRegistryStore } from '../../../shared/adapters/dynamodb/registry-store.ts';
import { DEFAULT_IDENTIFIER_PREFIX, ENV, tableName } from '../../../shared/config/env.ts';
import { CITY_ID, type RollupLevel } from '../../../shared/domain/carbon/rollups/rollup-model.ts';
import { NotFoundError, ValidationError } from '../../../shared/domain/errors.ts';
import type { RegistryReader } from '../../../shared/ports/registry-store.ts';

/** Wiring shared by the emissions, budget and alert functions. */
export const registryReader = (): RegistryReader =>
  new DynamoRegistryStore(getDocumentClient(), tableName('registry'));
/** The feeds' days and hours need the registry's account meters (feed-month-reader.ts). */
export const carbonStore = () =>
  new DynamoCarbonReadStore(getDocumentClient(), tableName('carbon'), registryReader());

export const identifierPrefix = (): string => process.env[ENV.identifierPrefix] || DEFAULT_IDENTIFIER_PREFIX;

/** GB/T 4754-2017: a section letter and up to four digits (C, C33, C331, C3311). */
const INDUSTRY_CODE = /^[A-T](\d{2}|\d{3}|\d{4})?$/;

export interface Target {
  id: string;
  name?: string;
  handle?: string;
  /** For meters: their enterprise, for a trace's links. */
  enterpriseId?: string;
}

/**
 * The target a query names, checked against the registry: 404 for an enterprise or meter it does
 * not know; the city's id is `city` (or omitted); an industry is any well-formed class code.
 */
export const resolveTarget = async (
  registry: RegistryReader,
  level: RollupLevel,
  id: string | undefined,
  field = '/query/id',
): Promise<Target> => {
  if (level === 'city') {
    if (id !== undefined && id !== CITY_ID)
      throw new ValidationError(`全市层级只有一个编号 ${CITY_ID} (the city level has one id)`, [
        { path: field, message: `省略或填写 ${CITY_ID} (omit it or use ${CITY_ID})` },
      ]);
    return { id: CITY_ID, name: '全市' };
  }
  if (id === undefined)
    throw new ValidationError('缺少编号 id (id is required)', [{ path: field, message: '必填 (required)' }]);
  if (level === 'industry') {
    if (!INDUSTRY_CODE.test(id))
      throw new ValidationError('不是国民经济行业分类代码 (not an industry code)', [
        { path: field, message: '应为 GB/T 4754 代码，如 C3311 (a GB/T 4754 code like C3311)' },
      ]);
    return { id };
  }
  if (level === 'enterprise') {
    const enterprise = await registry.getEnterprise(id);
    if (!enterprise) throw new NotFoundError(`企业不存在 (enterprise ${id} not found)`);
    return { id, name: enterprise.name, handle: enterprise.handle };
  }
  const meter = await registry.getMeter(id);
  if (!meter) throw new NotFoundError(`计量器具不存在 (meter ${id} not found)`);
  return { id, name: meter.name, handle: meter.handle, enterpriseId: meter.enterpriseId };
};
