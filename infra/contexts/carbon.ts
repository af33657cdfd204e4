import { TELEMETRY_TOPIC_FILTER } from '../../shared/contracts/telemetry.ts';
import type { FunctionSpec } from '../manifest.ts';

export const INGEST_RULE_SQL = `SELECT *, topic(3) AS meterId, clientid() AS clientId, timestamp() AS receivedAt FROM '${TELEMETRY_TOPIC_FILTER}'`;

/** Telemetry ingest, rollups, emissions queries, budgets and alerts. */
export const CARBON_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'ingestTelemetry',
    entry: 'functions/ingest/ingest-telemetry.ts',
    description: 'Meter telemetry from the IoT rule: validate, store idempotently, quarantine bad input',
    timeoutSeconds: 30,
    memoryMb: 512,
    trigger: {
      kind: 'iotRule',
      ruleName: 'qingshan_meter_telemetry',
      sql: INGEST_RULE_SQL,
      description: 'Every meter telemetry message to the ingest function',
    },
    tables: { telemetry: 'readWrite' },
  },
];
