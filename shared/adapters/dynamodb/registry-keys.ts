import type { EnterpriseRecord, FacilityRecord, MeterRecord } from '../../domain/registry/records.ts';

/**
 * Registry table layout, shared by the reader (registry-store.ts) and the writer (registry-writer.ts).
 * Records, sk `PROFILE`:  ENTERPRISE#{id} · FACILITY#{id} · METER#{id} · DEPARTMENT#{id}
 *   (`METER#{id}`/`CREDENTIAL` belongs to the device-credential store.)
 * Lists go through gsi1 (ids sort lexically, so pages come in id order):
 *   departments  gsi1pk `DEPARTMENTS`               gsi1sk `{id}`
 *   enterprises  gsi1pk `ENTERPRISES`               gsi1sk `{id}`
 *   facilities   gsi1pk `FACILITIES#{enterpriseId}` gsi1sk `{id}`
 *   meters       gsi1pk `METERS`                    gsi1sk `{enterpriseId}#{facilityId}#{id}`
 *   so the meters of one enterprise (or facility) are a `begins_with` on gsi1sk; a status filter is
 *   a FilterExpression (a page may then hold fewer than `limit` items; the cursor still continues).
 * Uniqueness, sk `UNIQUE`, claimed with attribute_not_exists in the record's own transaction:
 *   USCC#{code}          {enterpriseId}            one enterprise per unified social credit code
 *   IDENTIFIER#{handle}  {objectType, objectId}    one object per industrial-internet identifier
 * Audit, under the object it describes (a facility's creation under its enterprise), append-only:
 *   ENTERPRISE#{id} | METER#{id}   sk `AUDIT#{at}#{subjectId}.v{version}`
 */
const PROFILE = 'PROFILE';
const UNIQUE = 'UNIQUE';
export const AUDIT_PREFIX = 'AUDIT#';
export const DEPARTMENTS_INDEX_KEY = 'DEPARTMENTS';
export const ENTERPRISES_INDEX_KEY = 'ENTERPRISES';
export const METERS_INDEX_KEY = 'METERS';
const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'kind', 'gsi1pk', 'gsi1sk']);

/** The key of a registry record: `registryKey('METER', 'MTR-0001')`. */
export const registryKey = (prefix: string, id: string) => ({ pk: `${prefix}#${id}`, sk: PROFILE });

export const stripKeys = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name))) as T;

export const enterpriseIndexKeys = (record: Pick<EnterpriseRecord, 'id'>) => ({
  gsi1pk: ENTERPRISES_INDEX_KEY,
  gsi1sk: record.id,
});

export const facilityIndexKeys = (record: Pick<FacilityRecord, 'id' | 'enterpriseId'>) => ({
  gsi1pk: `FACILITIES#${record.enterpriseId}`,
  gsi1sk: record.id,
});

export const meterIndexKeys = (record: Pick<MeterRecord, 'id' | 'enterpriseId' | 'facilityId'>) => ({
  gsi1pk: METERS_INDEX_KEY,
  gsi1sk: `${record.enterpriseId}#${record.facilityId}#${record.id}`,
});

export const usccKey = (code: string) => ({ pk: `USCC#${code}`, sk: UNIQUE });

export const usccItem = (record: Pick<EnterpriseRecord, 'id' | 'uscc'>) => ({
  ...usccKey(record.uscc),
  kind: 'uscc',
  enterpriseId: record.id,
});

export const identifierItem = (handle: string, objectType: string, objectId: string) => ({
  pk: `IDENTIFIER#${handle}`,
  sk: UNIQUE,
  kind: 'identifier',
  handle,
  objectType,
  objectId,
});
