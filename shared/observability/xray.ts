import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';

/**
 * The Powertools Tracer and its X-Ray SDK, reached only through tracer.ts's `import()` where tracing
 * is on: aws-xray-sdk-core, semver and cls-hooked are ~0.1 × of a cold start that an untraced
 * function (China regions, local) need not pay. One module-scope Tracer per process.
 */
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'qingshan' });

/** The invocation's subsegment; responses stay out of it: they carry case texts, names and locations. */
export const invocationMiddleware = captureLambdaHandler(tracer, { captureResponse: false });
