/**
 * What the ingest's transactions cost in write units (docs/cost.md): DynamoDB Local reports 2 units
 * a transaction, so the scale bench tallies the items each transaction writes and prices them
 * afterwards by AWS's rule on the items' sizes (item-size.ts).
 */
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../../shared/adapters/dynamodb/batch-get.ts';
import { itemSize } from './item-size.ts';

/** Transacted writes by item (table, pk, sk), priced afterwards by the items' sizes. */
const written = new Map<string, { table: string; key: { pk: unknown; sk: unknown }; count: number }>();
const keyOf = (table: string, key: Record<string, unknown>) => `${table} ${String(key.pk)} ${String(key.sk)}`;
interface TransactOp {
  TableName: string;
  Key?: Record<string, unknown>;
  Item?: Record<string, unknown>;
}
export const tallyWrittenItems = (input: unknown): void => {
  const { TransactItems } = input as { TransactItems?: Record<string, TransactOp | undefined>[] };
  for (const entry of TransactItems ?? []) {
    const op = entry.Put ?? entry.Update ?? entry.Delete ?? entry.ConditionCheck;
    if (op === undefined) continue;
    const { pk, sk } = op.Item ?? op.Key ?? {};
    const k = keyOf(op.TableName, { pk, sk });
    written.set(k, { table: op.TableName, key: { pk, sk }, count: (written.get(k)?.count ?? 0) + 1 });
  }
};

const INDEX_KEYS = ['gsi1pk', 'gsi2pk', 'openpk'];
/**
 * The write units of the transacted writes by AWS's rule, from the items' sizes after the run (an
 * upper bound: items only grow): 2 a KB on the table, and 1 a KB on each index the item is in.
 * Reads back only the written keys (BatchGetItem): a Scan of the whole table after a week's backfill
 * did not return within 12 minutes on the shared box.
 */
export const transactedWriteUnits = async (dynamo: DynamoDBDocumentClient): Promise<number> => {
  const items = new Map<string, Record<string, unknown>>();
  for (const table of new Set([...written.values()].map((w) => w.table))) {
    const keys = [...written.values()].filter((w) => w.table === table).map((w) => w.key);
    for (const item of await batchGetAll(dynamo, table, keys)) items.set(keyOf(table, item), item);
  }
  let units = 0;
  for (const [k, { count }] of written) {
    const item = items.get(k);
    const kb = item === undefined ? 1 : Math.max(1, Math.ceil(itemSize(item) / 1024));
    const indexes = item === undefined ? 0 : INDEX_KEYS.filter((name) => item[name] !== undefined).length;
    units += count * kb * (2 + indexes);
  }
  return units;
};

export const clearWrittenItems = (): void => written.clear();

/**
 * The rollup items' sizes as DynamoDB counts them (item-size.ts), by level and period: the write
 * units of each update (1 KB each; docs/cost.md prices 2 a transacted item of at most 1 KB).
 */
export const rollupItemSizes = async (dynamo: DynamoDBDocumentClient, carbon: string): Promise<string> => {
  const groups = new Map<string, number[]>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: carbon, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      const [kind, level, , gran] = String(item.pk).split('#');
      if (kind !== 'ROLLUP') continue;
      const key = `${level} ${gran}`;
      groups.set(key, [...(groups.get(key) ?? []), itemSize(item)]);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return [...groups.entries()]
    .map(([key, sizes]) => {
      const over = sizes.filter((size) => size > 1024).length;
      return `${key}: ${sizes.length} items, largest ${Math.max(...sizes)} B, ${over} over 1 KB`;
    })
    .join('; ');
};
