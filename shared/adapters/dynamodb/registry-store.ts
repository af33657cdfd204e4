import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type {
  DepartmentRecord,
  EnterpriseRecord,
  FacilityRecord,
  MeterRecord,
} from '../../domain/registry/records.ts';
import type { MeterListOptions, Page, PageOptions, RegistryReader } from '../../ports/registry-store.ts';
import { batchGetAll } from './batch-get.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import {
  DEPARTMENTS_INDEX_KEY,
  ENTERPRISES_INDEX_KEY,
  enterpriseIndexKeys,
  facilityIndexKeys,
  identifierItem,
  METERS_INDEX_KEY,
  meterIndexKeys,
  registryKey,
  stripKeys,
  usccItem,
} from './registry-keys.ts';
import { seedPutIfAbsent } from './registry-seed-put.ts';

const DEFAULT_PAGE_SIZE = 50;
const key = registryKey;

/**
 * Registry reads (layout in registry-keys.ts) and the put-if-absent writes the seed uses; the
 * registry's own API writes go through registry-writer.ts.
 */
export class DynamoRegistryStore implements RegistryReader {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  getEnterprise(id: string): Promise<EnterpriseRecord | undefined> {
    return this.#get<EnterpriseRecord>('ENTERPRISE', id);
  }

  getFacility(id: string): Promise<FacilityRecord | undefined> {
    return this.#get<FacilityRecord>('FACILITY', id);
  }

  getMeter(id: string): Promise<MeterRecord | undefined> {
    return this.#get<MeterRecord>('METER', id);
  }

  /** Meters by id, in one BatchGetItem per 100 (the ingest reads a queue batch's meters at once). */
  getMeters(ids: readonly string[]): Promise<Map<string, MeterRecord>> {
    return this.#getMany<MeterRecord>('METER', ids);
  }

  getEnterprises(ids: readonly string[]): Promise<Map<string, EnterpriseRecord>> {
    return this.#getMany<EnterpriseRecord>('ENTERPRISE', ids);
  }

  getDepartment(id: string): Promise<DepartmentRecord | undefined> {
    return this.#get<DepartmentRecord>('DEPARTMENT', id);
  }

  /** All departments, ordered by id (a district has tens, not thousands). */
  async listDepartments(): Promise<DepartmentRecord[]> {
    const departments: DepartmentRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': DEPARTMENTS_INDEX_KEY },
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      for (const item of page.Items ?? []) departments.push(stripKeys<DepartmentRecord>(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return departments;
  }

  async listEnterprises(options: PageOptions = {}): Promise<Page<EnterpriseRecord>> {
    return this.#page<EnterpriseRecord>({ partition: ENTERPRISES_INDEX_KEY }, options);
  }

  /** All facilities of one enterprise (an enterprise has a handful). */
  async listFacilities(enterpriseId: string): Promise<FacilityRecord[]> {
    const facilities: FacilityRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.#page<FacilityRecord>(
        { partition: `FACILITIES#${enterpriseId}` },
        { limit: 100, ...(cursor === undefined ? {} : { cursor }) },
      );
      facilities.push(...page.items);
      cursor = page.cursor;
    } while (cursor !== undefined);
    return facilities;
  }

  /** Meters, optionally of one enterprise and/or facility and in one status, ordered by enterprise, facility, id. */
  async listMeters(options: MeterListOptions = {}): Promise<Page<MeterRecord>> {
    let prefix: string | undefined;
    if (options.facilityId !== undefined) {
      const facility = await this.getFacility(options.facilityId);
      if (facility === undefined) return { items: [] };
      if (options.enterpriseId !== undefined && facility.enterpriseId !== options.enterpriseId)
        return { items: [] };
      prefix = `${facility.enterpriseId}#${facility.id}#`;
    } else if (options.enterpriseId !== undefined) {
      prefix = `${options.enterpriseId}#`;
    }
    return this.#page<MeterRecord>(
      {
        partition: METERS_INDEX_KEY,
        ...(prefix === undefined ? {} : { beginsWith: prefix }),
        ...(options.status === undefined ? {} : { status: options.status }),
      },
      options,
    );
  }

  /** Put-if-absent writes (seeding): true when written, false when the record already existed. */
  putDepartment(record: DepartmentRecord): Promise<boolean> {
    return this.#putIfAbsent('DEPARTMENT', 'department', record, {
      gsi1pk: DEPARTMENTS_INDEX_KEY,
      gsi1sk: record.id,
    });
  }

  putEnterprise(record: EnterpriseRecord): Promise<boolean> {
    return this.#putIfAbsent('ENTERPRISE', 'enterprise', record, enterpriseIndexKeys(record), [
      usccItem(record),
      identifierItem(record.handle, 'enterprise', record.id),
    ]);
  }

  putFacility(record: FacilityRecord): Promise<boolean> {
    return this.#putIfAbsent('FACILITY', 'facility', record, facilityIndexKeys(record));
  }

  putMeter(record: MeterRecord): Promise<boolean> {
    return this.#putIfAbsent('METER', 'meter', record, meterIndexKeys(record), [
      identifierItem(record.handle, 'meter', record.id),
    ]);
  }

  async #page<T>(
    query: { partition: string; beginsWith?: string; status?: string },
    options: PageOptions,
  ): Promise<Page<T>> {
    const values: Record<string, unknown> = { ':pk': query.partition };
    let condition = 'gsi1pk = :pk';
    if (query.beginsWith !== undefined) {
      condition += ' AND begins_with(gsi1sk, :prefix)';
      values[':prefix'] = query.beginsWith;
    }
    if (query.status !== undefined) values[':status'] = query.status;
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: condition,
        ...(query.status === undefined
          ? {}
          : { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }),
        ExpressionAttributeValues: values,
        Limit: options.limit ?? DEFAULT_PAGE_SIZE,
        ExclusiveStartKey: decodeCursor(options.cursor, {
          pk: 'any',
          sk: 'any',
          gsi1pk: { equals: query.partition },
          gsi1sk: query.beginsWith === undefined ? 'any' : { beginsWith: query.beginsWith },
        }),
      }),
    );
    const cursor = encodeCursor(result.LastEvaluatedKey);
    return {
      items: (result.Items ?? []).map((item) => stripKeys<T>(item)),
      ...(cursor === undefined ? {} : { cursor }),
    };
  }

  async #get<T>(prefix: string, id: string): Promise<T | undefined> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: key(prefix, id), ConsistentRead: true }),
    );
    return result.Item === undefined ? undefined : stripKeys<T>(result.Item);
  }

  /** Consistent reads, as #get: a meter retired a moment ago is seen retired. */
  async #getMany<T extends { id: string }>(prefix: string, ids: readonly string[]): Promise<Map<string, T>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const items = await batchGetAll(
      this.#client,
      this.#table,
      unique.map((id) => key(prefix, id)),
    );
    return new Map(items.map((item) => stripKeys<T>(item)).map((record) => [record.id, record]));
  }

  #putIfAbsent(
    prefix: string,
    kind: string,
    record: { id: string },
    indexKeys: Record<string, string>,
    uniqueItems: Record<string, unknown>[] = [],
  ): Promise<boolean> {
    const item = { ...record, ...key(prefix, record.id), kind, ...indexKeys };
    return seedPutIfAbsent(this.#client, this.#table, item, uniqueItems);
  }
}
