import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type {
  DepartmentRecord,
  EnterpriseRecord,
  FacilityRecord,
  MeterRecord,
} from '../../domain/registry/records.ts';
import type { RegistryReader } from '../../ports/registry-store.ts';

/**
 * Registry table layout (sk `PROFILE` for every record; `METER#{id}`/`CREDENTIAL` belongs to the
 * device-credential store):
 *   ENTERPRISE#{id} · FACILITY#{id} · METER#{id} · DEPARTMENT#{id}
 * Departments are listed through gsi1: gsi1pk `DEPARTMENTS`, gsi1sk = id.
 */
const PROFILE = 'PROFILE';
const DEPARTMENTS_INDEX_KEY = 'DEPARTMENTS';
const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'kind', 'gsi1pk', 'gsi1sk']);

const key = (prefix: string, id: string) => ({ pk: `${prefix}#${id}`, sk: PROFILE });

const stripKeys = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name))) as T;

const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

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

  /** Put-if-absent writes (seeding): true when written, false when the record already existed. */
  putDepartment(record: DepartmentRecord): Promise<boolean> {
    return this.#putIfAbsent('DEPARTMENT', 'department', record, {
      gsi1pk: DEPARTMENTS_INDEX_KEY,
      gsi1sk: record.id,
    });
  }

  putEnterprise(record: EnterpriseRecord): Promise<boolean> {
    return this.#putIfAbsent('ENTERPRISE', 'enterprise', record);
  }

  putFacility(record: FacilityRecord): Promise<boolean> {
    return this.#putIfAbsent('FACILITY', 'facility', record);
  }

  putMeter(record: MeterRecord): Promise<boolean> {
    return this.#putIfAbsent('METER', 'meter', record);
  }

  async #get<T>(prefix: string, id: string): Promise<T | undefined> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: key(prefix, id), ConsistentRead: true }),
    );
    return result.Item === undefined ? undefined : stripKeys<T>(result.Item);
  }

  async #putIfAbsent(
    prefix: string,
    kind: string,
    record: { id: string },
    indexKeys: Record<string, string> = {},
  ): Promise<boolean> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: { ...record, ...key(prefix, record.id), kind, ...indexKeys },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
