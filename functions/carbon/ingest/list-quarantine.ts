import { getDocumentClient } from '../../../shared/adapters/aws-clients.ts';
import { DynamoTelemetryStore } from '../../../shared/adapters/dynamodb/carbon/telemetry-store.ts';
import { tableName } from '../../../shared/config/env.ts';
import { listQuarantineRoute } from '../../../shared/contracts/carbon/quarantine.ts';
import { httpHandler } from '../../middleware/http.ts';
import { TELEMETRY_RETENTION_DAYS } from './ingest-context.ts';

const store = new DynamoTelemetryStore(getDocumentClient(), tableName('telemetry'), TELEMETRY_RETENTION_DAYS);

/** Admins only (route roles): the messages quarantined on a UTC day, with reasons and originals. */
export const handler = httpHandler(listQuarantineRoute, ({ query }) =>
  store.listQuarantine(query.date, {
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.limit ? { limit: query.limit } : {}),
  }),
);
