import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type {
  MeterOfflineAlert,
  MeterOfflineScanPorts,
  OfflineCheckedMeter,
} from '../../../domain/carbon/anomalies/meter-offline.ts';
import { rollupPk } from '../../../domain/carbon/rollups/rollup-model.ts';
import type { RegistryReader } from '../../../ports/registry-store.ts';
import { DynamoAlertWriter } from './alert-writer.ts';

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

  async lastReadingAt(meterId: string): Promise<string | undefined> {
    // Hour keys sort in time order; a cumulative meter's `#origin` item sorts before them all.
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#carbonTable,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': rollupPk('meter', meterId, 'hour') },
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
