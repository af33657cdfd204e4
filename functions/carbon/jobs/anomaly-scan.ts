import { randomUUID } from 'node:crypto';
import { getDocumentClient } from '../../../shared/adapters/aws-clients.ts';
import { DynamoAlertWriter } from '../../../shared/adapters/dynamodb/carbon/alert-writer.ts';
import { DynamoBudgetStore } from '../../../shared/adapters/dynamodb/carbon/budget-store.ts';
import { DynamoCarbonReadStore } from '../../../shared/adapters/dynamodb/carbon/carbon-read-store.ts';
import { DynamoJobRunStore } from '../../../shared/adapters/dynamodb/job-run-store.ts';
import { DynamoRegistryStore } from '../../../shared/adapters/dynamodb/registry-store.ts';
import { runAnomalyScan } from '../../../shared/application/carbon/anomaly-scan.ts';
import { systemClock } from '../../../shared/config/clock.ts';
import { tableName, timeZone } from '../../../shared/config/env.ts';
import { lastCompleteHourBefore } from '../../../shared/domain/carbon/anomalies/anomaly-hours.ts';
import { isPeriodLabel } from '../../../shared/domain/carbon/rollups/period-range.ts';
import { progressSink } from '../../../shared/observability/progress.ts';
import { freshWorkingCalendar } from '../../calendar/live-calendar.ts';
import { caseEnv, caseStore } from '../../cases/case-context.ts';
import { scheduledJobHandler } from '../../middleware/schedule.ts';

const client = getDocumentClient();
const registry = new DynamoRegistryStore(client, tableName('registry'));
const carbon = new DynamoCarbonReadStore(client, tableName('carbon'), registry);
const alerts = new DynamoAlertWriter(client, tableName('carbon'));
const deps = {
  registry,
  rollups: carbon,
  budgets: new DynamoBudgetStore(client, tableName('carbon')),
  alerts,
  breaches: carbon,
  breachCases: {
    cases: caseStore(),
    alerts,
    env: caseEnv(),
    newId: randomUUID,
    now: systemClock,
  },
  runs: new DynamoJobRunStore(client, tableName('jobs')),
  now: systemClock,
};

/**
 * Hourly: anomalies of the last complete local hour per meter, month-end budget projections per
 * enterprise, and one case per budget breach. `--period 2026-11-28T14` re-judges that hour.
 */
export const handler = scheduledJobHandler(async ({ job, scheduledTime, period }) => {
  await freshWorkingCalendar(); // a breach case is dispatched with a deadline
  const zone = timeZone();
  const hour = period === undefined ? lastCompleteHourBefore(new Date(scheduledTime), zone) : hourOf(period);
  const outcome = await runAnomalyScan(
    { ...deps, timeZone: zone, progress: progressSink(job) },
    { job, hour },
  );
  return { job, period: hour, ...outcome };
});

const hourOf = (period: string): string => {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}$/.test(period) && isPeriodLabel(period)) return period;
  throw new Error(
    `报告期 ${period} 不是本地小时（YYYY-MM-DDTHH） (period ${period} does not name a local hour)`,
  );
};
