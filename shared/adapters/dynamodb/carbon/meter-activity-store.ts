import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type {
  MeterOfflineAlert,
  MeterOfflineScanPorts,
  OfflineCheckedMeter,
} from '../../../domain/carbon/anomalies/meter-offline.ts';
import type { RegistryReader } from '../../../ports/registry-store.ts';
import { DynamoAlertWriter } from './alert-writer.ts';
import { feedMonthPk, rollupPk } from './carbon-keys.ts';

/**
 * The meter-offline scan's ports: active meters from the registry, each meter's latest reading from
 * its newest hour rollup (one Query, newest first, Limit 1: the cost does not grow with readings), and
 * put-if-absent alerts (alert-writer.ts).
 */
export class DynamoMeterActivityStore implements MeterOfflineScanPorts {
  readonly #client: DynamoDBDocumentClient;
  readonly #carbonTable: string;
  readonly #registry: RegistryReader;
  readonly #alerts: DynamoAlertWriter;

  constructor(client: DynamoDBDocumentClient, carbonTable: string, registry: RegistryReader) {
    this.#client = client;
    this.#carbonTable = carbonTable;
    this.#registry = registry;
    this.#alerts = new DynamoAlertWriter(client, carbonTable);
  }

  async *activeMeters(): AsyncIterable<OfflineCheckedMeter> {
    let cursor: string | undefined;
    do {
      const page = await this.#registry.listMeters({
        status: 'active',
        limit: 100,
        ...(cursor === undefined ? {} : { cursor }),
      });
      yield* page.items;
      cursor = page.cursor;
    } while (cursor !== undefined);
  }

  /** The latest of its hour items' and (an account meter) its feed months' last reading. */
  async lastReadingAt(meterId: string): Promise<string | undefined> {
    const [hour, feed] = await Promise.all([
      this.#latest(rollupPk('meter', meterId, 'hour')),
      this.#latest(feedMonthPk('meter', meterId)),
    ]);
    return hour === undefined || (feed !== undefined && feed > hour) ? feed : hour;
  }

  async #latest(pk: string): Promise<string | undefined> {
    // Hour and month keys sort in time order; a cumulative meter's `#origin` item sorts before them all.
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#carbonTable,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ProjectionExpression: 'lastReadingAt',
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const value = result.Items?.[0]?.lastReadingAt;
    return typeof value === 'string' ? value : undefined;
  }

  /** Through the shared alert writer: same key and gsi1 layout as every other alert. */
  raiseAlert(alert: MeterOfflineAlert): Promise<boolean> {
    return this.#alerts.raiseAlert(alert);
  }
}
