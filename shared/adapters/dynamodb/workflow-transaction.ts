import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.ts';
import type { MediaClaim } from '../../ports/workflow-store.ts';
import { whenConditionFails } from './conditional-write.ts';
import { claimUpdate, lostClaimsError } from './side-claims.ts';
import type { SideItem } from './workflow-layout.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * DynamoDB's TransactWriteItems limit. A workflow step writes far fewer (a suggestion with 50
 * co-signers: about 60), so reaching it is a defect of a layout, said here rather than as DynamoDB's
 * ValidationException. The limit belongs to this adapter; no caller counts items.
 */
export const MAX_TRANSACTION_ITEMS = 100;

/** The Puts of side items that may follow their transaction (SideItem.deferrable). */
const DEFERRABLE = new WeakSet<TransactItem>();

export const sidePuts = (table: string, side: readonly SideItem[] = []): TransactItem[] =>
  side.map(({ mustNotExist, deferrable, ...item }) => {
    const put: TransactItem = {
      Put: {
        TableName: table,
        Item: item,
        ...(mustNotExist === true ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
      },
    };
    if (deferrable === true) DEFERRABLE.add(put);
    return put;
  });

/**
 * The items of the transaction and those that follow it: list copies leave the transaction, last
 * first, only when it would pass the limit (a split of a suggestion with many co-signers into many
 * parts: one copy per signatory, and the parts' own items).
 */
const fitted = (items: readonly TransactItem[], room: number) => {
  const now = [...items];
  const later: TransactItem[] = [];
  for (let i = now.length - 1; i >= 0 && now.length > room; i -= 1) {
    const item = now[i] as TransactItem;
    if (DEFERRABLE.has(item)) later.push(...now.splice(i, 1));
  }
  return { now, later };
};

/**
 * A list copy written after its transaction, unless a newer one is stored already (a later step's,
 * in its own transaction or after it): the copies only move forward.
 */
const putIfNewer = async (client: DynamoDBDocumentClient, item: TransactItem): Promise<void> => {
  const put = item.Put as NonNullable<TransactItem['Put']>;
  await whenConditionFails(
    client.send(
      new PutCommand({
        TableName: put.TableName,
        Item: put.Item,
        ConditionExpression: 'attribute_not_exists(version) OR version < :v',
        ExpressionAttributeValues: { ':v': put.Item?.version },
      }),
    ),
    () => undefined,
  );
};

/**
 * Writes `items` and the claims in one transaction. Claims go last: when only they failed, the caller
 * lost a race for a file (422 naming each); any other failed condition is the usual lost race on the
 * record (409 with `conflictMessage`).
 */
export const writeTransaction = async (
  client: DynamoDBDocumentClient,
  table: string,
  items: readonly TransactItem[],
  conflictMessage: string,
  claims: readonly MediaClaim[] = [],
): Promise<void> => {
  const { now, later } = fitted(items, MAX_TRANSACTION_ITEMS - claims.length);
  const all = [...now, ...claims.map((claim) => claimUpdate(table, claim))];
  if (all.length > MAX_TRANSACTION_ITEMS) {
    throw new Error(`workflow write of ${all.length} items exceeds ${MAX_TRANSACTION_ITEMS} per transaction`);
  }
  try {
    await client.send(new TransactWriteCommand({ TransactItems: all }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const failed = (error.CancellationReasons ?? []).map(
      (reason) => reason.Code === 'ConditionalCheckFailed',
    );
    if (failed.slice(0, now.length).some(Boolean)) throw new ConflictError(conflictMessage);
    const lost = lostClaimsError(claims, failed.slice(now.length));
    if (lost !== undefined) throw lost;
    throw error;
  }
  await Promise.all(later.map((item) => putIfNewer(client, item)));
};
