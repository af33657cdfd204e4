import { type DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AlertCaseLinker, AlertWriter, NewAlert } from '../../../ports/alert-writer.ts';
import type { AlertRecord } from '../../../ports/carbon-read-store.ts';
import { failedConditionIndex, isConditionFailed } from '../conditional-write.ts';
import { alertOutboxItem } from '../event-outbox.ts';
import { retryOnTransactionConflict } from '../transaction-conflict.ts';
import { ALERTS_GSI1PK, alertPk } from './carbon-keys.ts';

/**
 * The deterministic key that makes an alert unique: one per target, kind, period and budget metric
 * (`budgetBreach#2026-11` for tCO2e as before metrics existed, `budgetBreach#tce#2026-11` for energy).
 */
export const alertKey = (alert: Pick<AlertRecord, 'level' | 'targetId' | 'kind' | 'period' | 'metric'>) => ({
  pk: alertPk(alert.level, alert.targetId),
  sk: `${alert.kind}#${alert.metric === 'tce' ? 'tce#' : ''}${alert.period}`,
});

/**
 * Any kind of alert into the carbon table, laid out as the budget check's `raiseAlert` writes them
 * (same key, gsi1 `ALERTS` / raisedAt), so `GET /alerts` lists them together. The put is conditional
 * on the key being new: a re-run or a concurrent run raises nothing twice. The alert's notification
 * outbox item (event-outbox.ts) is written in the same transaction, so it is told exactly when raised.
 */
export class DynamoAlertWriter implements AlertWriter, AlertCaseLinker {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async raiseAlert(alert: NewAlert): Promise<boolean> {
    const key = alertKey(alert);
    try {
      await retryOnTransactionConflict(() =>
        this.#client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.#table,
                  Item: { ...key, gsi1pk: ALERTS_GSI1PK, gsi1sk: alert.raisedAt, ...alert },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              { Put: { TableName: this.#table, Item: alertOutboxItem(key, alert.raisedAt) } },
            ],
          }),
        ),
      );
      return true;
    } catch (error) {
      // Only the alert's own condition (item 0) means "already raised".
      if (failedConditionIndex(error) === 0) return false;
      throw error;
    }
  }

  /** Sets `caseId` on an existing alert; an alert that is gone is left gone (no item is created). */
  async linkCase(alert: Parameters<AlertCaseLinker['linkCase']>[0], caseId: string): Promise<void> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: alertKey(alert),
          UpdateExpression: 'SET caseId = :caseId',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':caseId': caseId },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }
}
