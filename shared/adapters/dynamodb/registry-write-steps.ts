import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError, type DomainError } from '../../domain/errors.ts';
import type { AuditEntry } from '../../domain/registry/audit.ts';
import type { EnterpriseRecord, MeterRecord } from '../../domain/registry/records.ts';
import { AUDIT_PREFIX, identifierItem, registryKey, usccItem, usccKey } from './registry-keys.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One transaction item and what its failed condition means to the caller. */
export interface Step {
  item: TransactItem;
  failure: DomainError;
}

/** The transaction items registry writes are made of, each with the error its condition stands for. */
export const registryWriteSteps = (table: string) => ({
  putNew(prefix: string, kind: string, record: { id: string }, indexKeys: Record<string, string>): Step {
    return {
      item: {
        Put: {
          TableName: table,
          Item: { ...record, ...registryKey(prefix, record.id), kind, ...indexKeys },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      failure: new ConflictError(`编号已存在 (${kind} ${record.id} already exists)`),
    };
  },

  putNextVersion(
    prefix: string,
    kind: string,
    record: { id: string; version: number },
    expected: number,
    indexKeys: Record<string, string>,
  ): Step {
    return {
      item: {
        Put: {
          TableName: table,
          Item: { ...record, ...registryKey(prefix, record.id), kind, ...indexKeys },
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': expected },
        },
      },
      failure: new ConflictError(
        `记录已被他人更新 (${kind} ${record.id} is no longer at version ${expected})`,
      ),
    };
  },

  claimUscc(record: EnterpriseRecord): Step {
    return {
      item: {
        Put: {
          TableName: table,
          Item: usccItem(record),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      failure: new ConflictError(`统一社会信用代码已登记 (USCC ${record.uscc} is already registered)`),
    };
  },

  releaseUscc(previous: EnterpriseRecord): Step {
    return {
      item: {
        Delete: {
          TableName: table,
          Key: usccKey(previous.uscc),
          // Absent is fine (records seeded before the uniqueness items existed); another owner is not.
          ConditionExpression: 'attribute_not_exists(pk) OR enterpriseId = :id',
          ExpressionAttributeValues: { ':id': previous.id },
        },
      },
      failure: new ConflictError(
        `统一社会信用代码 ${previous.uscc} 属于另一家企业 (USCC ${previous.uscc} belongs to another enterprise)`,
      ),
    };
  },

  claimIdentifier(handle: string, objectType: string, objectId: string): Step {
    return {
      item: {
        Put: {
          TableName: table,
          Item: identifierItem(handle, objectType, objectId),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      failure: new ConflictError(`标识已被占用 (identifier ${handle} is already allocated)`),
    };
  },

  facilityOfEnterprise(meter: MeterRecord): Step {
    return this.check(
      registryKey('FACILITY', meter.facilityId),
      'attribute_exists(pk) AND enterpriseId = :enterprise',
      { ':enterprise': meter.enterpriseId },
      new ConflictError(
        `设施不属于该企业 (facility ${meter.facilityId} is not a facility of ${meter.enterpriseId})`,
      ),
    );
  },

  /** The meter copies the enterprise's industry; refuse if it changed since it was read. */
  enterpriseIndustryIs(meter: MeterRecord): Step {
    return this.check(
      registryKey('ENTERPRISE', meter.enterpriseId),
      'industryCode = :industry',
      { ':industry': meter.industryCode },
      new ConflictError(`企业已被他人更新 (enterprise ${meter.enterpriseId} changed; retry)`),
    );
  },

  /** A changed enterprise industry is copied to its meters (rollups key on it): a new meter version. */
  followIndustry(meterId: string, enterprise: EnterpriseRecord): Step {
    return {
      item: {
        Update: {
          TableName: table,
          Key: registryKey('METER', meterId),
          UpdateExpression: 'SET industryCode = :industry, updatedAt = :at ADD #version :one',
          ConditionExpression: 'attribute_exists(pk) AND enterpriseId = :enterprise',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: {
            ':industry': enterprise.industryCode,
            ':at': enterprise.updatedAt,
            ':one': 1,
            ':enterprise': enterprise.id,
          },
        },
      },
      failure: new ConflictError(
        `企业更新期间计量器具 ${meterId} 已被修改，请重试 (meter ${meterId} changed while the enterprise was updated; retry)`,
      ),
    };
  },

  check(
    key: Record<string, string>,
    condition: string,
    values: Record<string, unknown>,
    failure: DomainError,
  ): Step {
    return {
      item: {
        ConditionCheck: {
          TableName: table,
          Key: key,
          ConditionExpression: condition,
          ...(Object.keys(values).length === 0 ? {} : { ExpressionAttributeValues: values }),
        },
      },
      failure,
    };
  },

  audit(prefix: string, ownerId: string, entry: AuditEntry): Step {
    const sk = `${AUDIT_PREFIX}${entry.at}#${entry.subjectId}.v${entry.version}`;
    return {
      item: {
        Put: {
          TableName: table,
          Item: { ...entry, pk: registryKey(prefix, ownerId).pk, sk, kind: 'audit' },
          ConditionExpression: 'attribute_not_exists(sk)',
        },
      },
      failure: new ConflictError(`审计记录 ${sk} 已存在，请重试 (audit entry ${sk} already exists; retry)`),
    };
  },
});

export type RegistryWriteSteps = ReturnType<typeof registryWriteSteps>;
