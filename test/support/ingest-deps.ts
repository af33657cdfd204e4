import { localTableName } from '../../infra/local/environment.ts';
import { DynamoPendingStore } from '../../shared/adapters/dynamodb/carbon/ingest-pending.ts';
import { DynamoIngestStore } from '../../shared/adapters/dynamodb/carbon/ingest-store.ts';
import { DynamoTelemetryStore } from '../../shared/adapters/dynamodb/carbon/telemetry-store.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import type { IngestDependencies } from '../../shared/application/carbon/ingest-dependencies.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { parseTelemetryEvent } from '../../shared/contracts/carbon/telemetry.ts';
import { loadFactorLibrary } from '../../shared/domain/carbon/accounting/factors.ts';
import { defaultAccounting } from './accounting.ts';
import type { TestStack } from './local-stack.ts';

/**
 * The ingest use case wired to a test stack's DynamoDB, for what MQTT cannot stage (races, crashes,
 * failing stores): the same stores as the Lambda, no budget check, backoff without waiting (backoffMs 0).
 */
export const directIngestDeps = (
  t: TestStack,
  over: Partial<IngestDependencies> = {},
): IngestDependencies => ({
  parseEvent: parseTelemetryEvent,
  store: new DynamoTelemetryStore(t.dynamo, localTableName('telemetry'), 30),
  ingest: new DynamoIngestStore(t.dynamo, localTableName('carbon')),
  pending: new DynamoPendingStore(t.dynamo, localTableName('carbon')),
  meters: new DynamoRegistryStore(t.dynamo, localTableName('registry')),
  clock: systemClock,
  library: loadFactorLibrary(),
  enterprises: new DynamoRegistryStore(t.dynamo, localTableName('registry')),
  accounting: defaultAccounting(),
  timeZone: 'Asia/Shanghai',
  handlePrefix: '88.118.8',
  backoffMs: 0,
  ...over,
});
