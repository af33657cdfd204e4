import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import { BUSINESS_METRICS, type BusinessMetric } from './business-metrics.ts';

/**
 * The business figures (business-metrics.ts) as CloudWatch embedded metric format lines in the
 * functions' logs: no API calls, no extra latency. One module-scope Metrics per process (Powertools
 * examples/app); the stage is a dimension, so stages never mix. Locally POWERTOOLS_METRICS_DISABLED
 * keeps them out of the terminal.
 */

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Qingshan',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'qingshan',
  defaultDimensions: { stage: process.env.QS_STAGE ?? 'local' },
});

/** Counts a business event; flushed by `publishMetrics` at the end of the invocation. */
export const countBusiness = (name: BusinessMetric, value = 1): void => {
  metrics.addMetric(BUSINESS_METRICS[name], MetricUnit.Count, value);
};

/** One ingest batch's message outcomes, and the records handed back to the queue for another try. */
export const countTelemetry = (
  outcomes: { applied: number; quarantined: number; duplicate: number },
  retried: number,
): void => {
  countBusiness('telemetryApplied', outcomes.applied);
  countBusiness('telemetryQuarantined', outcomes.quarantined);
  countBusiness('telemetryDuplicate', outcomes.duplicate);
  countBusiness('telemetryRetried', retried);
};

/**
 * One hourly escalation pass: the escalation steps it raised, and how many open items stand past their
 * deadline after it (a level, not a count of events: graph its maximum).
 */
export const countEscalation = (raised: number, escalated: readonly { overdue: boolean }[]): void => {
  countBusiness('itemsEscalated', raised);
  countBusiness('itemsOverdue', escalated.filter((item) => item.overdue).length);
};

/**
 * Middy middleware of every trigger's stack: writes what the invocation counted, and nothing when it
 * counted nothing (Powertools' own middleware would warn on every request that has no figure).
 */
export const publishMetrics = <E, R>(): MiddlewareObj<E, R> => {
  const flush = async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { after: flush, onError: flush };
};
