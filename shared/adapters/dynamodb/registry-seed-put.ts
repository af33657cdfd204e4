import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { whenConditionFails } from './conditional-write.ts';

/**
 * Put-if-absent for seeding: the record and its uniqueness items (USCC, identifier) in one
 * transaction. When the record already exists (a restart of a local stack whose data survived),
 * nothing of it is overwritten, but what older code did not write yet is filled in: the record's
 * list-index keys and its uniqueness items, each only where absent. Returns true when written.
 */
export const seedPutIfAbsent = async (
  client: DynamoDBDocumentClient,
  table: string,
  record: Record<string, unknown>,
  uniqueItems: readonly Record<string, unknown>[] = [],
): Promise<boolean> => {
  try {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [record, ...uniqueItems].map((item) => ({
          Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
        })),
      }),
    );
    return true;
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
  }
  await Promise.all([
    ...uniqueItems.map((item) =>
      ignoreConditionFailure(
        client.send(
          new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
        ),
      ),
    ),
    ...(typeof record.gsi1pk === 'string' ? [backfillIndexKeys(client, table, record)] : []),
  ]);
  return false;
};

const backfillIndexKeys = (client: DynamoDBDocumentClient, table: string, record: Record<string, unknown>) =>
  ignoreConditionFailure(
    client.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: record.pk, sk: record.sk },
        UpdateExpression: 'SET gsi1pk = :pk, gsi1sk = :sk',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(gsi1pk)',
        ExpressionAttributeValues: { ':pk': record.gsi1pk, ':sk': record.gsi1sk },
      }),
    ),
  );

const ignoreConditionFailure = async (write: Promise<unknown>): Promise<void> => {
  await whenConditionFails(write, () => undefined);
};
