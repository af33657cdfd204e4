import type { FunctionSpec } from '../manifest.ts';

/** Scheduled jobs (EventBridge Scheduler in the cloud, infra/local/scheduler.ts locally). */
export const JOB_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'jobHeartbeat',
    entry: 'functions/jobs/heartbeat.ts',
    description: 'Records that the scheduler is alive; other jobs follow the same path',
    trigger: {
      kind: 'schedule',
      job: 'heartbeat',
      expression: 'rate(5 minutes)',
      description: 'Scheduler liveness record every five minutes',
    },
    tables: { jobs: 'write' },
  },
];
