import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.ts';
import type { MediaClaim } from '../../ports/workflow-store.ts';
import { claimUpdate, lostClaimsError } from './side-claims.ts';
import type { SideItem } from './workflow-layout.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * DynamoDB's TransactWriteItems limit. A workflow step writes far fewer (a suggestion with 50
 * co-signers: about 60), so reaching it is a defect of a layout, said here rather than as DynamoDB's
 * ValidationException. The limit belongs to this adapter; no caller counts items.
 */
export const MAX_TRANSACTION_ITEMS = 100;

export const sidePuts = (table: string, side: readonly SideItem[] = []): TransactItem[] =>
  side.map(({ mustNotExist, ...item }) => ({
    Put: {
      TableName: table,
      Item: item,
      ...(mustNotExist === true ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
    },
  }));

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
  const all = [...items, ...claims.map((claim) => claimUpdate(table, claim))];
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
    if (failed.slice(0, items.length).some(Boolean)) throw new ConflictError(conflictMessage);
    const lost = lostClaimsError(claims, failed.slice(items.length));
    if (lost !== undefined) throw lost;
    throw error;
  }
};
