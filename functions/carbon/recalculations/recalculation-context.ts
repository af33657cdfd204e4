import { getDocumentClient } from '../../../shared/adapters/aws-clients.ts';
import { DynamoRecalculationStore } from '../../../shared/adapters/dynamodb/carbon/recalculation-store.ts';
import { DynamoJobRunStore } from '../../../shared/adapters/dynamodb/job-run-store.ts';
import { DynamoRegistryStore } from '../../../shared/adapters/dynamodb/registry-store.ts';
import {
  RECALCULATION_JOB,
  type RecalculationDeps,
} from '../../../shared/application/carbon/recalculation-run.ts';
import { accountingDefaults } from '../../../shared/config/accounting-defaults.ts';
import { systemClock } from '../../../shared/config/clock.ts';
import { tableName, timeZone } from '../../../shared/config/env.ts';
import { loadFactorLibrary } from '../../../shared/domain/carbon/accounting/factors.ts';
import { recalculationView } from '../../../shared/domain/carbon/rollups/recalculation-requests.ts';
import type { JobRunStore } from '../../../shared/ports/job-run-store.ts';
import type { RecalculationStore } from '../../../shared/ports/recalculation-store.ts';

/** Each function gets only the tables it is granted (their names come from its environment). */
export const recalculationStore = (): RecalculationStore =>
  new DynamoRecalculationStore(getDocumentClient(), tableName('carbon'));
export const jobRuns = (): JobRunStore => new DynamoJobRunStore(getDocumentClient(), tableName('jobs'));

/** The job's wiring: carbon, registry and jobs tables. */
export const recalculationDeps = (): Omit<RecalculationDeps, 'progress'> => {
  const client = getDocumentClient();
  return {
    store: recalculationStore(),
    registry: new DynamoRegistryStore(client, tableName('registry')),
    runs: jobRuns(),
    // Parsed on first use, not at load, as in the import job: most minutes find nothing queued, and
    // checking the factor library was most of this function's cold start (docs/performance.md).
    get library() {
      return loadFactorLibrary();
    },
    // Each run reads the configuration again (`accounting: current`); nothing needs it at load.
    get accounting() {
      return accountingDefaults();
    },
    timeZone: timeZone(),
    now: systemClock,
  };
};

/** The record with its units and checkpoint, as GET /recalculations/{id} answers. */
export const viewOf = async (deps: { store: RecalculationStore; runs: JobRunStore }, id: string) => {
  const record = await deps.store.get(id);
  if (record === undefined) return undefined;
  const [units, checkpoint] = await Promise.all([
    deps.store.listUnits(id),
    deps.runs.getCheckpoint(RECALCULATION_JOB, id),
  ]);
  return recalculationView(record, units, checkpoint);
};
