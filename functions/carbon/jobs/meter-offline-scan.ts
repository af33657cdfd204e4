import { getDocumentClient } from '../../../shared/adapters/aws-clients.ts';
import { DynamoMeterActivityStore } from '../../../shared/adapters/dynamodb/carbon/meter-activity-store.ts';
import { DynamoRegistryStore } from '../../../shared/adapters/dynamodb/registry-store.ts';
import { ENV, tableName, timeZone } from '../../../shared/config/env.ts';
import {
  parseSilenceFactor,
  scanOfflineMeters,
} from '../../../shared/domain/carbon/anomalies/meter-offline.ts';
import { logger } from '../../../shared/observability/logger.ts';
import { scheduledJobHandler } from '../../middleware/schedule.ts';

const client = getDocumentClient();
const store = new DynamoMeterActivityStore(
  client,
  tableName('carbon'),
  new DynamoRegistryStore(client, tableName('registry')),
);

/** Every 15 minutes: one `meterOffline` alert per meter silent past its allowance (per silence episode). */
export const handler = scheduledJobHandler(async ({ job, scheduledTime }) => {
  const factor = parseSilenceFactor(process.env[ENV.meterOfflineSilenceFactor]);
  const result = await scanOfflineMeters(store, new Date(scheduledTime), factor, timeZone());
  if (result.raised.length > 0) {
    logger.warn('meters offline', { raised: result.raised.map((alert) => alert.targetId) });
  }
  return {
    job,
    scheduledTime,
    checked: result.checked,
    offline: result.offline,
    raised: result.raised.length,
  };
});
