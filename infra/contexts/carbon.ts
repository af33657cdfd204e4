import { listAlertsRoute, listBudgetsRoute, putBudgetRoute } from '../../shared/contracts/carbon/budgets.ts';
import {
  getEmissionRankingsRoute,
  getEmissionsRoute,
  traceEmissionsRoute,
} from '../../shared/contracts/carbon/emissions.ts';
import { listQuarantineRoute, replayQuarantineRoute } from '../../shared/contracts/carbon/quarantine.ts';
import {
  createRecalculationRoute,
  getRecalculationRoute,
} from '../../shared/contracts/carbon/recalculations.ts';
import { METER_ID_TOPIC_LEVEL, telemetryTopicFilter } from '../../shared/contracts/carbon/telemetry.ts';
import type { FunctionSpec } from '../manifest-spec.ts';

/** The ingest rule of a stage reads only that stage's meter topics. */
export const ingestRuleSql = (stage: string): string =>
  `SELECT *, topic(${METER_ID_TOPIC_LEVEL}) AS meterId, clientid() AS clientId, timestamp() AS receivedAt FROM '${telemetryTopicFilter(stage)}'`;

/** Telemetry ingest, rollups, emissions queries, budgets and alerts. */
export const CARBON_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'ingestTelemetry',
    entry: 'functions/carbon/ingest/ingest-telemetry.ts',
    description:
      'Meter telemetry from the IoT rule: validate, account, apply to rollups exactly once, quarantine bad input',
    timeoutSeconds: 30,
    memoryMb: 512,
    trigger: {
      kind: 'iotRule',
      ruleName: 'meter_telemetry',
      sql: ingestRuleSql,
      description: 'Every meter telemetry message to the ingest queue',
      // Up to 100 messages a batch, gathered for at most a second; 4 batches at a time keep the
      // transactions on the shared city and industry items from contending with each other.
      queue: { batchSize: 100, maxBatchingWindowSeconds: 1, maxConcurrency: 4, maxReceiveCount: 5 },
    },
    tables: { telemetry: 'readWrite', carbon: 'readWrite', registry: 'read' },
  },
  {
    id: 'quarantineList',
    entry: 'functions/carbon/ingest/list-quarantine.ts',
    description: 'Admins: telemetry messages quarantined on a day, with reasons and originals',
    trigger: { kind: 'http', routes: [listQuarantineRoute] },
    tables: { telemetry: 'read' },
  },
  {
    id: 'quarantineReplay',
    entry: 'functions/carbon/ingest/replay-quarantine.ts',
    description: 'Admins: re-run a quarantined telemetry message through the ingest after a fix',
    timeoutSeconds: 30,
    trigger: { kind: 'http', routes: [replayQuarantineRoute] },
    tables: { telemetry: 'readWrite', carbon: 'readWrite', registry: 'read' },
  },
  {
    id: 'emissionsSeries',
    entry: 'functions/carbon/emissions/get-emissions.ts',
    description: 'Emission series, totals and breakdowns from rollups',
    trigger: { kind: 'http', routes: [getEmissionsRoute] },
    tables: { carbon: 'read', registry: 'read' },
  },
  {
    id: 'emissionsRankings',
    entry: 'functions/carbon/emissions/get-emission-rankings.ts',
    description: 'Top emitters of a period with budget use',
    trigger: { kind: 'http', routes: [getEmissionRankingsRoute] },
    tables: { carbon: 'read', registry: 'read' },
  },
  {
    id: 'emissionsTrace',
    entry: 'functions/carbon/emissions/trace-emissions.ts',
    description: 'Trace a figure to its factor versions, meters and readings batches',
    trigger: { kind: 'http', routes: [traceEmissionsRoute] },
    tables: { carbon: 'read', registry: 'read' },
  },
  {
    id: 'budgetsPut',
    entry: 'functions/carbon/budgets/put-budget.ts',
    description: 'Create or replace a carbon budget (optimistic version)',
    trigger: { kind: 'http', routes: [putBudgetRoute] },
    tables: { carbon: 'readWrite', registry: 'read' },
  },
  {
    id: 'budgetsList',
    entry: 'functions/carbon/budgets/list-budgets.ts',
    description: 'List carbon budgets',
    trigger: { kind: 'http', routes: [listBudgetsRoute] },
    tables: { carbon: 'read' },
  },
  {
    id: 'alertsList',
    entry: 'functions/carbon/budgets/list-alerts.ts',
    description: 'List budget, offline and anomaly alerts, newest first',
    trigger: { kind: 'http', routes: [listAlertsRoute] },
    tables: { carbon: 'read' },
  },
  {
    id: 'jobMeterOfflineScan',
    entry: 'functions/carbon/jobs/meter-offline-scan.ts',
    description: 'Raises one meterOffline alert per meter silent past 3 × its expected interval',
    timeoutSeconds: 300,
    trigger: {
      kind: 'schedule',
      job: 'meterOfflineScan',
      expression: 'rate(15 minutes)',
      description: 'Meter-offline scan every fifteen minutes',
    },
    tables: { carbon: 'readWrite', registry: 'read' },
  },
  {
    id: 'recalculationsCreate',
    entry: 'functions/carbon/recalculations/create-recalculation.ts',
    description:
      'Admins: queue the recalculation of a month of an enterprise or the city after a factor correction',
    trigger: { kind: 'http', routes: [createRecalculationRoute] },
    tables: { carbon: 'readWrite', registry: 'read' },
  },
  {
    id: 'recalculationsGet',
    entry: 'functions/carbon/recalculations/get-recalculation.ts',
    description: 'Admins: a recalculation with its progress, before, after and difference',
    trigger: { kind: 'http', routes: [getRecalculationRoute] },
    tables: { carbon: 'read', jobs: 'read' },
  },
  {
    id: 'jobRecalculate',
    entry: 'functions/carbon/jobs/recalculate.ts',
    description:
      'Runs queued recalculations as checkpointed jobs, one worker each (lease), resuming interrupted ones',
    timeoutSeconds: 900,
    memoryMb: 1024,
    trigger: {
      kind: 'schedule',
      job: 'recalculate',
      expression: 'rate(1 minute)',
      description: 'Queued recalculations (重算) within a minute of the request',
    },
    tables: { carbon: 'readWrite', registry: 'read', jobs: 'readWrite' },
  },
];
