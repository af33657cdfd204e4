import { ingestTelemetryBatch } from '../../../shared/application/carbon/ingest-batch.ts';
import { logger } from '../../../shared/observability/logger.ts';
import { countTelemetry } from '../../../shared/observability/metrics.ts';
import { iotRuleHandler } from '../../middleware/iot-rule.ts';
import { ingestDependencies } from './ingest-context.ts';

/**
 * Telemetry from the IoT rule's queue, a batch at a time. Bad input is quarantined inside the use
 * case; a record that fails for an infrastructure reason is reported back, so the queue delivers it
 * again (exactly-once holds: what was applied is a no-op the next time) and after five receives
 * moves it to the dead-letter queue.
 */
export const handler = iotRuleHandler(async (records) => {
  const summary = await ingestTelemetryBatch(records, ingestDependencies());
  countTelemetry(summary.outcomes, summary.failed.length);
  for (const error of summary.afterApplyErrors) logger.error('budget check failed', { error });
  // Applied all the same: a later batch's sweep folds what this one could not (deferred-deltas.ts).
  for (const error of summary.deferred.errors)
    logger.warn('pending city/industry deltas not folded', { error });
  for (const { id, error } of summary.failed)
    logger.error('telemetry record failed', { recordId: id, error });
  logger.info('telemetry batch handled', {
    records: records.length,
    outcomes: summary.outcomes,
    failed: summary.failed.length,
    mergedTransactions: summary.mergedTransactions,
    mergedMessages: summary.mergedMessages,
    fallbacks: summary.fallbacks,
    pending: summary.deferred.pending,
    folded: summary.deferred.folded,
    swept: summary.deferred.swept,
    foldsContended: summary.deferred.contended,
  });
  return { failed: summary.failed.map((f) => f.id) };
});
