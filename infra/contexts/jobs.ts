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
  {
    id: 'jobCarbonDailyReport',
    entry: 'functions/jobs/carbon-reports.ts',
    description: 'Daily carbon summary for the city, each industry and each enterprise',
    timeoutSeconds: 900,
    memoryMb: 1024,
    trigger: {
      kind: 'schedule',
      job: 'carbonDailyReport',
      expression: 'cron(30 0 * * ? *)',
      description: 'Yesterday’s carbon summary at 00:30 local time',
    },
    tables: { registry: 'read', carbon: 'read', telemetry: 'read', jobs: 'readWrite' },
    buckets: { reports: 'write' },
  },
  {
    id: 'jobCarbonMonthlyReport',
    entry: 'functions/jobs/carbon-reports.ts',
    description: 'Monthly carbon report for the city, each industry and each enterprise',
    timeoutSeconds: 900,
    memoryMb: 1024,
    trigger: {
      kind: 'schedule',
      job: 'carbonMonthlyReport',
      expression: 'cron(0 1 1 * ? *)',
      description: 'Last month’s carbon report at 01:00 on the 1st, local time',
    },
    tables: { registry: 'read', carbon: 'read', telemetry: 'read', jobs: 'readWrite' },
    buckets: { reports: 'write' },
  },
  {
    id: 'jobPerformanceWeeklyReport',
    entry: 'functions/jobs/performance-reports.ts',
    description: 'Weekly department performance report: case indicators, suggestions, overdue lists',
    timeoutSeconds: 900,
    memoryMb: 1024,
    trigger: {
      kind: 'schedule',
      job: 'performanceWeeklyReport',
      expression: 'cron(0 2 ? * MON *)',
      description: 'Last week’s department performance at 02:00 on Mondays, local time',
    },
    tables: { registry: 'read', workflow: 'read', jobs: 'readWrite' },
    buckets: { reports: 'write' },
  },
  {
    id: 'jobPerformanceMonthlyReport',
    entry: 'functions/jobs/performance-reports.ts',
    description: 'Monthly department performance report: case indicators, suggestions, overdue lists',
    timeoutSeconds: 900,
    memoryMb: 1024,
    trigger: {
      kind: 'schedule',
      job: 'performanceMonthlyReport',
      expression: 'cron(30 2 1 * ? *)',
      description: 'Last month’s department performance at 02:30 on the 1st, local time',
    },
    tables: { registry: 'read', workflow: 'read', jobs: 'readWrite' },
    buckets: { reports: 'write' },
  },
];
