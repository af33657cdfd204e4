import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoJobRunStore } from '../../shared/adapters/dynamodb/job-run-store.ts';
import { tableName } from '../../shared/config/env.ts';
import { scheduledJobHandler } from '../middleware/schedule.ts';

const runs = new DynamoJobRunStore(getDocumentClient(), tableName('jobs'));

/** Proves the schedule → function → table path works; a missing run is what monitoring alarms on. */
export const handler = scheduledJobHandler(async ({ job, scheduledTime }) => {
  const startedAt = new Date().toISOString();
  await runs.recordRun({
    job,
    scheduledTime,
    startedAt,
    finishedAt: new Date().toISOString(),
    outcome: 'succeeded',
  });
  return { job, scheduledTime };
});
