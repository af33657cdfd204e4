import { ENV } from '../config/env.ts';

/**
 * Custom CloudWatch metrics as Embedded Metric Format lines on stdout: CloudWatch Logs extracts them
 * from the function's log stream, with no SDK call and no extra permission. The namespace, names and
 * the `Stage` dimension are shared with the alarms the stack puts on them (infra/constructs/ops-alarms.ts).
 */

export const METRICS_NAMESPACE = 'Qingshan';

export const METRIC_NAMES = {
  /** Local days until the loaded working calendar runs out (0 when nothing is loaded); daily. */
  workingCalendarDaysLeft: 'WorkingCalendarDaysLeft',
} as const;

export type MetricName = (typeof METRIC_NAMES)[keyof typeof METRIC_NAMES];

/** The EMF document of one value (exported for tests). */
export const emfLine = (name: MetricName, value: number, stage: string, at: Date): string =>
  JSON.stringify({
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        { Namespace: METRICS_NAMESPACE, Dimensions: [['Stage']], Metrics: [{ Name: name, Unit: 'Count' }] },
      ],
    },
    Stage: stage,
    [name]: value,
  });

/**
 * Writes one value. In Lambda straight to stdout (the runtime's console would prefix the line, and
 * CloudWatch would no longer see it as EMF); elsewhere (the local runtime) nothing is written.
 */
export const putMetric = (name: MetricName, value: number, at: Date = new Date()): void => {
  if (process.env.AWS_LAMBDA_FUNCTION_NAME === undefined) return;
  process.stdout.write(`${emfLine(name, value, process.env[ENV.stage] ?? 'unknown', at)}\n`);
};
