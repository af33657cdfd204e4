import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from '../../shared/observability/logger.ts';

/**
 * The middy stack of every IoT-rule function. The event is whatever the rule's SQL produced, so it
 * arrives as `unknown`: validation belongs to the use case, which quarantines what it cannot accept.
 * A thrown error is a failed invocation: Lambda retries it and then hands it to the dead-letter queue.
 */
export const iotRuleHandler = (implementation: (event: unknown, context: Context) => Promise<void>) =>
  middy<unknown, void>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event, context) => {
      await implementation(event, context);
    });
