import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import type { AuditEntry } from '../../domain/registry/audit.ts';
import type { EnterpriseRecord, FacilityRecord, MeterRecord } from '../../domain/registry/records.ts';
import type { Page, PageOptions, RegistryWriter } from '../../ports/registry-store.ts';
import { failedConditionIndex } from './conditional-write.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import {
  AUDIT_PREFIX,
  enterpriseIndexKeys,
  facilityIndexKeys,
  meterIndexKeys,
  registryKey,
  stripKeys,
} from './registry-keys.ts';
import { type RegistryWriteSteps, registryWriteSteps, type Step } from './registry-write-steps.ts';

/** Registry writes, one TransactWriteItems each (layout in registry-keys.ts). */
export class DynamoRegistryWriter implements RegistryWriter {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #steps: RegistryWriteSteps;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
    this.#steps = registryWriteSteps(table);
  }

  async createEnterprise(record: EnterpriseRecord, audit: AuditEntry): Promise<void> {
    await this.#transact([
      this.#steps.putNew('ENTERPRISE', 'enterprise', record, enterpriseIndexKeys(record)),
      this.#steps.claimUscc(record),
      this.#steps.claimIdentifier(record.handle, 'enterprise', record.id),
      this.#steps.audit('ENTERPRISE', record.id, audit),
    ]);
  }

  async updateEnterprise(
    next: EnterpriseRecord,
    previous: EnterpriseRecord,
    audit: AuditEntry,
    meterIds: readonly string[] = [],
  ): Promise<void> {
    const usccSteps =
      next.uscc === previous.uscc ? [] : [this.#steps.claimUscc(next), this.#steps.releaseUscc(previous)];
    const meterSteps = meterIds.map((id) => this.#steps.followIndustry(id, next));
    await this.#transact([
      this.#steps.putNextVersion(
        'ENTERPRISE',
        'enterprise',
        next,
        previous.version,
        enterpriseIndexKeys(next),
      ),
      ...usccSteps,
      ...meterSteps,
      this.#steps.audit('ENTERPRISE', next.id, audit),
    ]);
  }

  async createFacility(record: FacilityRecord, audit: AuditEntry): Promise<void> {
    await this.#transact([
      this.#steps.check(
        registryKey('ENTERPRISE', record.enterpriseId),
        'attribute_exists(pk)',
        {},
        new NotFoundError(`企业不存在 (enterprise ${record.enterpriseId} not found)`),
      ),
      this.#steps.putNew('FACILITY', 'facility', record, facilityIndexKeys(record)),
      ...(record.handle === undefined
        ? []
        : [this.#steps.claimIdentifier(record.handle, 'facility', record.id)]),
      this.#steps.audit('ENTERPRISE', record.enterpriseId, audit),
    ]);
  }

  async updateFacility(next: FacilityRecord, previous: FacilityRecord, audit: AuditEntry): Promise<void> {
    await this.#transact([
      this.#steps.putNextVersion('FACILITY', 'facility', next, previous.version, facilityIndexKeys(next)),
      this.#steps.audit('ENTERPRISE', next.enterpriseId, audit),
    ]);
  }

  async createMeter(record: MeterRecord, audit: AuditEntry): Promise<void> {
    await this.#transact([
      this.#steps.facilityOfEnterprise(record),
      this.#steps.enterpriseIndustryIs(record),
      this.#steps.putNew('METER', 'meter', record, meterIndexKeys(record)),
      this.#steps.claimIdentifier(record.handle, 'meter', record.id),
      this.#steps.audit('METER', record.id, audit),
    ]);
  }

  async updateMeter(next: MeterRecord, previous: MeterRecord, audit: AuditEntry): Promise<void> {
    await this.#transact([
      ...(next.facilityId === previous.facilityId ? [] : [this.#steps.facilityOfEnterprise(next)]),
      this.#steps.putNextVersion('METER', 'meter', next, previous.version, meterIndexKeys(next)),
      this.#steps.audit('METER', next.id, audit),
    ]);
  }

  async listAudit(
    subject: { type: 'enterprise' | 'meter'; id: string },
    options: PageOptions = {},
  ): Promise<Page<AuditEntry>> {
    const pk = registryKey(subject.type.toUpperCase(), subject.id).pk;
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': pk, ':audit': AUDIT_PREFIX },
        Limit: options.limit ?? 50,
        ExclusiveStartKey: decodeCursor(options.cursor, {
          pk: { equals: pk },
          sk: { beginsWith: AUDIT_PREFIX },
        }),
        ConsistentRead: true,
      }),
    );
    const cursor = encodeCursor(result.LastEvaluatedKey);
    return {
      items: (result.Items ?? []).map((item) => stripKeys<AuditEntry>(item)),
      ...(cursor === undefined ? {} : { cursor }),
    };
  }

  async #transact(steps: Step[]): Promise<void> {
    try {
      await this.#client.send(new TransactWriteCommand({ TransactItems: steps.map((step) => step.item) }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const step = steps[failedConditionIndex(error)];
      if (step !== undefined) throw step.failure;
      throw new ConflictError('并发写入冲突 (a concurrent write interfered; retry)');
    }
  }
}
