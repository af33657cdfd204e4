import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * X-Ray subsegments for each invocation and each AWS SDK call, where the stack turned tracing on
 * (POWERTOOLS_TRACE_ENABLED, off in the China regions). Powertools switches itself off outside
 * Lambda, so the local runtime and the tests run untraced. One module-scope Tracer per process.
 */
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'qingshan' });

/** Responses stay out of traces: they carry case texts, names and locations. */
export const TRACE_HANDLER_OPTIONS = { captureResponse: false } as const;
