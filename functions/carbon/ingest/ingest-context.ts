import { getDocumentClient } from '../../../shared/adapters/aws-clients.ts';
import { DynamoCarbonReadStore } from '../../../shared/adapters/dynamodb/carbon/carbon-read-store.ts';
import { DynamoPendingStore } from '../../../shared/adapters/dynamodb/carbon/ingest-pending.ts';
import { DynamoIngestStore } from '../../../shared/adapters/dynamodb/carbon/ingest-store.ts';
import { DynamoTelemetryStore } from '../../../shared/adapters/dynamodb/carbon/telemetry-store.ts';
import { DynamoDeviceCredentialStore } from '../../../shared/adapters/dynamodb/device-credential-store.ts';
import { DynamoImportAccountStore } from '../../../shared/adapters/dynamodb/import-account-store.ts';
import { DynamoRegistryStore } from '../../../shared/adapters/dynamodb/registry-store.ts';
import type { IngestDependencies } from '../../../shared/application/carbon/ingest-dependencies.ts';
import { accountingDefaults } from '../../../shared/config/accounting-defaults.ts';
import { systemClock } from '../../../shared/config/clock.ts';
import { DEFAULT_IDENTIFIER_PREFIX, ENV, tableName, timeZone } from '../../../shared/config/env.ts';
import { parseTelemetryEvent } from '../../../shared/contracts/carbon/telemetry.ts';
import { loadFactorLibrary } from '../../../shared/domain/carbon/accounting/factors.ts';
import { checkBudgets } from '../../../shared/domain/carbon/budgets/budget-check.ts';
import { type MeterHistory, PlausibleLimits } from '../../../shared/domain/carbon/ingest/plausible-limits.ts';
import { figuresOf } from '../../../shared/domain/carbon/rollups/emission-series.ts';
import type { RollupReader } from '../../../shared/ports/carbon-read-store.ts';

// Set on every function from the stage's `telemetryRetentionDays` (infra/settings.ts, validated there).
export const TELEMETRY_RETENTION_DAYS = Number(process.env[ENV.telemetryRetentionDays] ?? 800);
let deps: Omit<IngestDependencies, 'accounting'> | undefined;

/**
 * A meter's daily use from its day rollups (one Query of ≤ 30 small items), for plausible limits. A
 * device meter has no feed months (only an account meter, `source: feed`, is booked by imports), so
 * its look-up reads its day items alone: the feed month Query would find nothing.
 */
export const meterHistory = (carbon: Pick<RollupReader, 'readSeries'>): MeterHistory => ({
  dailyUse: async (meter, first, last) =>
    [
      ...(
        await carbon.readSeries('meter', meter.id, 'day', first, last, { feeds: meter.source === 'feed' })
      ).values(),
    ]
      .map(figuresOf)
      .filter((day) => day.readings > 0)
      .map((day) => day.quantities[meter.energyType]?.value ?? 0),
});

/**
 * The ingest use case's dependencies (shared by ingest and replay): stores built once per Lambda
 * container, the accounting configuration read on every call.
 */
export const ingestDependencies = (): IngestDependencies => {
  deps ??= baseDependencies();
  return { ...deps, accounting: accountingDefaults() };
};

const baseDependencies = (): Omit<IngestDependencies, 'accounting'> => {
  const client = getDocumentClient();
  const registry = new DynamoRegistryStore(client, tableName('registry'));
  const carbon = new DynamoCarbonReadStore(client, tableName('carbon'), registry);
  return {
    parseEvent: parseTelemetryEvent,
    store: new DynamoTelemetryStore(client, tableName('telemetry'), TELEMETRY_RETENTION_DAYS),
    ingest: new DynamoIngestStore(client, tableName('carbon')),
    pending: new DynamoPendingStore(client, tableName('carbon')),
    meters: registry,
    enterprises: registry,
    credentials: new DynamoDeviceCredentialStore(client, tableName('registry')),
    // Where a feed account counts an enterprise's activity, its meters of that type are recorded only.
    counting: new DynamoImportAccountStore(client, tableName('registry')),
    clock: systemClock,
    plausibility: new PlausibleLimits(meterHistory(carbon), timeZone(), systemClock),
    library: loadFactorLibrary(),
    timeZone: timeZone(),
    handlePrefix: process.env[ENV.identifierPrefix] || DEFAULT_IDENTIFIER_PREFIX,
    // Budget alerts are level-triggered and idempotent (budget-check.ts): a failure here is healed
    // by the next message's check, so it never fails an applied message.
    afterApply: async ({ meter, hours }) => {
      await checkBudgets(
        {
          readBudgets: (keys) => carbon.readBudgets(keys),
          readMonthTotals: (keys) => carbon.readMonthTotals(keys),
          raiseAlert: (alert) => carbon.raiseAlert(alert),
          now: systemClock,
        },
        { enterpriseId: meter.enterpriseId, industryCode: meter.industryCode, periods: hours },
      );
    },
  };
};
