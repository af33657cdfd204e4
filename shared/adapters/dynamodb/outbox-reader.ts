import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { OUTBOX_PK, type OutboxEvent, toOutboxEvent } from './event-outbox.ts';

/**
 * Reads the notification outbox of one table (event-outbox.ts), oldest first, and what each event
 * is about: the workflow record and its timeline entry, or the alert. Items are removed only after
 * their event was fanned out.
 */
export class DynamoOutboxReader {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  /** The oldest events, after the sort key `after` when given (to pass over one that keeps failing). */
  async pending(limit: number, after?: string): Promise<OutboxEvent[]> {
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: after === undefined ? 'pk = :pk' : 'pk = :pk AND sk > :after',
        ExpressionAttributeValues: { ':pk': OUTBOX_PK, ...(after === undefined ? {} : { ':after': after }) },
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(toOutboxEvent);
  }

  async remove(event: OutboxEvent): Promise<void> {
    await this.#client.send(
      new DeleteCommand({ TableName: this.#table, Key: { pk: OUTBOX_PK, sk: event.sk } }),
    );
  }

  /** A workflow event's record (as it is now) and the timeline entry the event is. */
  async workflowStep(
    event: OutboxEvent,
  ): Promise<{ record: Record<string, unknown>; entry: Record<string, unknown> } | undefined> {
    const pk = `${event.source === 'case' ? 'CASE' : 'SUGGESTION'}#${event.ref}`;
    const [record, entry] = await Promise.all([
      this.#get(pk, 'RECORD'),
      this.#get(pk, `TL#${String(event.seq ?? 0).padStart(6, '0')}`),
    ]);
    return record === undefined || entry === undefined ? undefined : { record, entry };
  }

  /** An alert event's alert (`ref` is its `pk|sk`). */
  async alert(event: OutboxEvent): Promise<Record<string, unknown> | undefined> {
    const split = event.ref.lastIndexOf('|');
    return this.#get(event.ref.slice(0, split), event.ref.slice(split + 1));
  }

  async #get(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: { pk, sk }, ConsistentRead: true }),
    );
    return result.Item;
  }
}
