import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.ts';
import type { MediaAttachment } from '../../domain/media/media-attachment.ts';
import type { MediaRecord } from '../../domain/media/media-record.ts';
import type { MediaCatalog, ReadyFields } from '../../ports/media-catalog.ts';
import type { MediaClaim } from '../../ports/workflow-store.ts';
import { batchGetAll } from './batch-get.ts';
import { isConditionFailed } from './conditional-write.ts';

/** Workflow table layout: one item per upload, `pk MEDIA#{id}, sk MEDIA`; no index (read by id). */
export const mediaKeyOf = (id: string) => ({ pk: `MEDIA#${id}`, sk: 'MEDIA' });
const keyOf = mediaKeyOf;

const recordOf = (item: Record<string, unknown>): MediaRecord => {
  const { pk: _pk, sk: _sk, ...record } = item;
  return record as unknown as MediaRecord;
};

/** A failed condition means someone else got there first: 409, not 500. */
const conflictOn =
  (message: string) =>
  (error: unknown): never => {
    if (isConditionFailed(error)) throw new ConflictError(message);
    throw error;
  };

export class DynamoMediaCatalog implements MediaCatalog {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async createPending(record: MediaRecord): Promise<void> {
    await this.#client
      .send(
        new PutCommand({
          TableName: this.#table,
          Item: { ...keyOf(record.id), ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch(conflictOn(`媒体文件 ${record.id} 已存在 (media ${record.id} already exists)`));
  }

  async get(id: string): Promise<MediaRecord | undefined> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: keyOf(id), ConsistentRead: true }),
    );
    return result.Item === undefined ? undefined : recordOf(result.Item);
  }

  async getMany(ids: readonly string[]): Promise<Map<string, MediaRecord>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const items = await batchGetAll(this.#client, this.#table, unique.map(keyOf));
    return new Map(items.map((item) => [String(item.id), recordOf(item)]));
  }

  markReady(id: string, fields: ReadyFields): Promise<MediaRecord> {
    return this.#leavePending(id, { ...fields, status: 'ready' });
  }

  markRejected(id: string, reason: string, at: string): Promise<MediaRecord> {
    return this.#leavePending(id, { status: 'rejected', rejectionReason: reason, completedAt: at });
  }

  /** `attachedTo` is set once: only on a ready file that has none (media-attachment.ts). */
  attachClaim(id: string, attachment: MediaAttachment, refusal: MediaClaim['refusal']): MediaClaim {
    return { mediaId: id, attachment, refusal };
  }

  /** Sets the attributes only while the item is pending: a file is judged once. */
  async #leavePending(id: string, attributes: Record<string, unknown>): Promise<MediaRecord> {
    const entries = Object.entries(attributes).filter(([, value]) => value !== undefined);
    const result = await this.#client
      .send(
        new UpdateCommand({
          TableName: this.#table,
          Key: keyOf(id),
          UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: {
            '#status': 'status',
            ...Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])),
          },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ...Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
          },
          ReturnValues: 'ALL_NEW',
        }),
      )
      .catch(conflictOn(`媒体文件 ${id} 已不在待上传状态 (media ${id} is no longer pending)`));
    return recordOf(result.Attributes ?? {});
  }
}
