import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  closedLedgerDelta,
  isOpenState,
  opennessChange,
  openShardOf,
} from '../../domain/workflow/open-records.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The sparse `open` index of the workflow table (infra/manifest.ts): only items of open records carry
 * `openpk`/`opensk`, so the hourly jobs read open work without touching closed history.
 *
 * - the record itself, while its state is open (its Put carries the keys or not, so closing removes
 *   them in the step's own transaction);
 * - an OPEN marker `pk {PREFIX}#{id}, sk OPEN`, put when the record opens and deleted when it closes:
 *   an independent trace, so a record lost or stripped of its keys shows up in the reconciliation;
 * - the closed ledger `pk {PREFIX}#LEDGER, sk SHARD#n`: counts of records per terminal state, moved
 *   in the closing (or reopening) step's transaction, so the books still balance over all history.
 */
export const OPEN_INDEX = 'open';
export const MARKER_SK = 'OPEN';
export const LEDGER_SK_PREFIX = 'SHARD#';

export const openPartition = (prefix: string, shard: number): string => `${prefix}#OPEN#${shard}`;
export const ledgerPk = (prefix: string): string => `${prefix}#LEDGER`;

/** The index keys a record item carries while open. */
export const openKeysOf = (prefix: string, id: string, state: string): Record<string, string> =>
  isOpenState(prefix, state) ? { openpk: openPartition(prefix, openShardOf(id)), opensk: id } : {};

export interface OpenStep {
  id: string;
  from: string | null;
  to: string;
}

/** Marker puts/deletes and ledger updates for the steps of one transaction (ledger shards merged). */
export const opennessItems = (table: string, prefix: string, steps: readonly OpenStep[]): TransactItem[] => {
  const items: TransactItem[] = [];
  const ledger = new Map<number, Record<string, number>>();
  for (const step of steps) {
    const change = opennessChange(prefix, step.from, step.to);
    const key = { pk: `${prefix}#${step.id}`, sk: MARKER_SK };
    if (change === 'opened') {
      items.push({
        Put: {
          TableName: table,
          Item: { ...key, kind: 'open', id: step.id, ...openKeysOf(prefix, step.id, step.to) },
        },
      });
    } else if (change === 'closed') {
      items.push({ Delete: { TableName: table, Key: key } });
    }
    const delta = closedLedgerDelta(prefix, step.from, step.to);
    if (Object.keys(delta).length === 0) continue;
    const shard = openShardOf(step.id);
    const merged = ledger.get(shard) ?? {};
    for (const [state, n] of Object.entries(delta)) merged[state] = (merged[state] ?? 0) + n;
    ledger.set(shard, merged);
  }
  for (const [shard, delta] of ledger) {
    const states = Object.entries(delta).filter(([, n]) => n !== 0);
    if (states.length > 0) items.push(ledgerUpdate(table, prefix, shard, states));
  }
  return items;
};

const ledgerUpdate = (
  table: string,
  prefix: string,
  shard: number,
  states: [string, number][],
): TransactItem => {
  return {
    Update: {
      TableName: table,
      Key: { pk: ledgerPk(prefix), sk: `${LEDGER_SK_PREFIX}${shard}` },
      UpdateExpression: `ADD ${states.map((_, i) => `#s${i} :n${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(states.map(([state], i) => [`#s${i}`, state])),
      ExpressionAttributeValues: Object.fromEntries(states.map(([, n], i) => [`:n${i}`, n])),
    },
  };
};
