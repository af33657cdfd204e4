import { ingestTelemetry } from '../../shared/domain/telemetry/ingest-telemetry.ts';
import { logger } from '../../shared/observability/logger.ts';
import { iotRuleHandler } from '../middleware/iot-rule.ts';
import { ingestDependencies } from './ingest-context.ts';

/**
 * Telemetry from the IoT rule. Bad input is quarantined inside the use case; an infrastructure
 * failure throws, so the rule engine retries the message (exactly-once holds: applied chunks are
 * no-ops on retry) and its error action keeps what still fails.
 */
export const handler = iotRuleHandler(async (event) => {
  const result = await ingestTelemetry(event, ingestDependencies());
  if (result.afterApplyError) logger.error('budget check failed', { error: result.afterApplyError });
  logger.info('telemetry handled', {
    outcome: result.outcome,
    chunks: result.chunks,
    retries: result.retries,
    ...(result.quarantine ? { reason: result.quarantine.reason, quarantineId: result.quarantine.id } : {}),
  });
});
