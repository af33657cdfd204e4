import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod';
import { PROBLEM_CONTENT_TYPE } from '../../shared/contracts/problem.ts';
import type { RouteContract } from '../../shared/contracts/route.ts';
import { logger } from '../../shared/observability/logger.ts';
import { publishMetrics } from '../../shared/observability/metrics.ts';
import { traceInvocation } from '../../shared/observability/tracer.ts';
import { type HttpRequest, parseHttpRequest } from './http-request.ts';
import { toProblem } from './problem.ts';

export type HttpImplementation<R extends RouteContract> = (
  request: HttpRequest<R>,
) => Promise<z.input<R['response']>>;

type Result = APIGatewayProxyStructuredResultV2;

/**
 * The middy stack of every HTTP function: logger context, then the route's contract (identity,
 * role, input), then the implementation; errors become problem+json in exactly one place.
 */
export const httpHandler = <R extends RouteContract>(route: R, implementation: HttpImplementation<R>) =>
  middy<APIGatewayProxyEventV2, Result>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(traceInvocation())
    .use(publishMetrics())
    .use(problemJsonErrors())
    .handler(async (event) => {
      const request = parseHttpRequest(route, event);
      const body = await implementation(request);
      return jsonResponse(route.successStatus, body);
    });

export const jsonResponse = (status: number, body: unknown): Result =>
  status === 204
    ? { statusCode: 204 }
    : {
        statusCode: status,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
      };

const problemJsonErrors = (): MiddlewareObj<APIGatewayProxyEventV2, Result> => ({
  onError: (request) => {
    const problem = toProblem(request.error, request.event.rawPath);
    if (problem.status >= 500) {
      logger.error('request failed', { error: request.error as Error });
    } else {
      logger.info('request refused', { status: problem.status, detail: problem.detail });
    }
    request.response = {
      statusCode: problem.status,
      headers: { 'content-type': PROBLEM_CONTENT_TYPE },
      body: JSON.stringify(problem),
    };
  },
});
