import {
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import {
  type BudgetKey,
  type BudgetRecord,
  budgetSortKey,
  DEFAULT_BUDGET_METRIC,
} from '../../../domain/carbon/budgets/budget-model.ts';
import { ConflictError } from '../../../domain/errors.ts';
import type { BudgetStore } from '../../../ports/carbon-read-store.ts';
import { batchGetAll } from '../batch-get.ts';
import { isConditionFailed } from '../conditional-write.ts';
import { budgetPk } from './carbon-keys.ts';

/** Every budget is also on gsi1 so the whole list is one query: gsi1pk `BUDGETS`, gsi1sk level#id#period. */
const BUDGETS_GSI1PK = 'BUDGETS';

const toRecord = (item: Record<string, unknown>): BudgetRecord => ({
  level: item.level as BudgetRecord['level'],
  targetId: String(item.targetId),
  period: String(item.period),
  metric: item.metric === 'tce' ? 'tce' : DEFAULT_BUDGET_METRIC,
  limitTonnes: Number(item.limitTonnes),
  warningRatio: Number(item.warningRatio),
  version: Number(item.version),
  updatedAt: String(item.updatedAt),
  updatedBy: String(item.updatedBy),
});

/**
 * Budgets in the carbon table, pk `BUDGET#<level>#<id>`, sk `<year>` or `<month>` (tCO2e) and
 * `<year>#tce` or `<month>#tce` (energy), optimistic versions.
 */
export class DynamoBudgetStore implements BudgetStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async readBudgets(keys: readonly BudgetKey[]): Promise<BudgetRecord[]> {
    const items = await batchGetAll(
      this.#client,
      this.#table,
      keys.map((key) => ({ pk: budgetPk(key.level, key.targetId), sk: budgetSortKey(key) })),
    );
    return items.map(toRecord);
  }

  async listBudgets(filter: { level?: BudgetRecord['level']; targetId?: string }): Promise<BudgetRecord[]> {
    const prefix =
      filter.level === undefined
        ? ''
        : `${filter.level}#${filter.targetId === undefined ? '' : `${filter.targetId}#`}`;
    const budgets: BudgetRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: 'gsi1',
          // begins_with refuses an empty operand: no prefix means the whole index partition.
          ...(prefix === ''
            ? { KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': BUDGETS_GSI1PK } }
            : {
                KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
                ExpressionAttributeValues: { ':pk': BUDGETS_GSI1PK, ':prefix': prefix },
              }),
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      budgets.push(...(page.Items ?? []).map(toRecord));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return budgets;
  }

  async putBudget(
    budget: Omit<BudgetRecord, 'version'>,
    expectedVersion: number | undefined,
  ): Promise<BudgetRecord> {
    const record: BudgetRecord = { ...budget, version: (expectedVersion ?? 0) + 1 };
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            pk: budgetPk(budget.level, budget.targetId),
            sk: budgetSortKey(budget),
            kind: 'budget',
            gsi1pk: BUDGETS_GSI1PK,
            gsi1sk: `${budget.level}#${budget.targetId}#${budgetSortKey(budget)}`,
            ...record,
          },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        }),
      );
      return record;
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      throw new ConflictError(
        expectedVersion === undefined
          ? '预算已存在，请带上读取到的版本号 (budget exists: send the version you read)'
          : `预算已被他人修改 (budget is no longer at version ${expectedVersion}: read it again)`,
      );
    }
  }
}
