import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../../shared/observability/logger.ts';
import { publishMetrics } from '../../shared/observability/metrics.ts';
import { traceInvocation } from '../../shared/observability/tracer.ts';

/** One queued rule output: the queue's record id and the rule's SQL output, parsed. */
export interface RuleRecord {
  id: string;
  /** Whatever the rule's SQL produced; a body that is not JSON arrives as the raw string. */
  event: unknown;
}

/**
 * The middy stack of every IoT-rule function. The rule's action puts each message on the rule's
 * queue; the function receives them in batches (an SQS event) and answers with the records it
 * could not handle (a partial batch response): those are delivered again, the others are done.
 * The event is whatever the rule's SQL produced, so it arrives as `unknown`: validation belongs to
 * the use case, which quarantines what it cannot accept.
 */
export const iotRuleHandler = (
  implementation: (records: RuleRecord[], context: Context) => Promise<{ failed: readonly string[] }>,
) =>
  middy<SQSEvent, SQSBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(traceInvocation())
    .use(publishMetrics())
    .handler(async (event, context) => {
      const records = (event.Records ?? []).map((record) => ({
        id: record.messageId,
        event: parseBody(record.body),
      }));
      const { failed } = await implementation(records, context);
      return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
    });

const parseBody = (body: string): unknown => {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
};
