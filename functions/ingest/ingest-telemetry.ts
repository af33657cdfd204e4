import { randomUUID } from 'node:crypto';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoTelemetryStore } from '../../shared/adapters/dynamodb/telemetry-store.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { tableName } from '../../shared/config/env.ts';
import { ingestTelemetry } from '../../shared/domain/telemetry/ingest-telemetry.ts';
import { logger } from '../../shared/observability/logger.ts';
import { iotRuleHandler } from '../middleware/iot-rule.ts';

const RETENTION_DAYS = Number(process.env.QS_TELEMETRY_RETENTION_DAYS ?? 800);
const store = new DynamoTelemetryStore(getDocumentClient(), tableName('telemetry'), RETENTION_DAYS);

export const handler = iotRuleHandler(async (event) => {
  const outcome = await ingestTelemetry(event, { store, clock: systemClock, newId: randomUUID });
  logger.info('telemetry handled', { outcome });
});
