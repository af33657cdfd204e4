import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { type ScheduledJobEvent, ScheduledJobEventSchema } from '../../shared/contracts/jobs.ts';
import { logger } from '../../shared/observability/logger.ts';
import { countBusiness, publishMetrics } from '../../shared/observability/metrics.ts';
import { traceInvocation } from '../../shared/observability/tracer.ts';

/**
 * The middy stack of every scheduled job: the Scheduler input is parsed strictly (a malformed one is a
 * deployment bug, so it fails loudly and lands in the schedule's dead-letter queue).
 */
export const scheduledJobHandler = <T>(implementation: (event: ScheduledJobEvent) => Promise<T>) =>
  middy<unknown, T>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(traceInvocation())
    .use(publishMetrics())
    .handler(async (event) => {
      const job = ScheduledJobEventSchema.parse(event);
      logger.appendKeys({ job: job.job, scheduledTime: job.scheduledTime });
      const result = await implementation(job);
      // Checkpointed jobs report the units they ran in this attempt (run-checkpointed.ts).
      const ran = unitsRan(result);
      if (ran !== undefined) countBusiness('jobUnitsDone', ran);
      return result;
    });

const unitsRan = (result: unknown): number | undefined => {
  const ran = (result as { ran?: unknown } | null)?.ran;
  return typeof ran === 'number' ? ran : undefined;
};
