import type { MiddlewareObj } from '@middy/core';
import type * as Xray from './xray.ts';

type XrayModule = typeof Xray;

/**
 * Whether this process traces: the stack sets POWERTOOLS_TRACE_ENABLED from its X-Ray setting (off
 * in the China regions), and the Tracer only traces inside Lambda (AWS_EXECUTION_ENV), so the local
 * runtime and the tests run untraced. Powertools' own rule, read the same way, so the lazy load below
 * never skips a process the Tracer would have traced.
 */
export const tracingOn = (env: NodeJS.ProcessEnv = process.env): boolean =>
  process.env.QS_BUNDLE_TRACING !== 'false' &&
  (env.POWERTOOLS_TRACE_ENABLED ?? '').trim().toLowerCase() !== 'false' &&
  (env.AWS_EXECUTION_ENV ?? '').trim() !== '';

let loading: Promise<XrayModule> | undefined;
/** Set once the X-Ray module has loaded, so clients made after that are traced at once. */
let loaded: XrayModule | undefined;

/** The Tracer's module, imported on first need and only where tracing is on (docs/performance.md). */
const loadXray = (): Promise<XrayModule> | undefined => {
  if (!tracingOn()) return undefined;
  // `process.env.QS_BUNDLE_TRACING` is not read at run time: the bundler replaces it by the
  // deployment's tracing setting (infra/bundling.ts). Where that is 'false' this branch is dead code
  // and esbuild leaves xray.ts and the X-Ray SDK out of the bundle: ~120 KiB an untraced function
  // (China regions) would otherwise still compile at a cold start. Unbundled (local, tests) it is unset.
  if (process.env.QS_BUNDLE_TRACING !== 'false') {
    loading ??= import('./xray.ts').then((module) => {
      loaded = module;
      return module;
    });
  }
  return loading;
};

/**
 * The middy middleware of every handler: an X-Ray subsegment per invocation with the cold-start and
 * service annotations, errors as metadata. A list, so that where tracing is off it is empty (middy
 * refuses a middleware without hooks, and a no-op hook would still run on every invocation).
 */
export const traceInvocation = <TEvent, TResult>(): MiddlewareObj<TEvent, TResult>[] => {
  if (!tracingOn()) return [];
  // Where tracing is on, start the load now, in Lambda's init phase, as the eager import did.
  loadXray()?.catch(() => undefined);
  // Powertools types its middleware for any middy-like request; ours is one.
  type Hook = (request: unknown) => unknown;
  const inner = async () => (await loadXray())?.invocationMiddleware as Record<string, Hook | undefined>;
  return [
    {
      before: async (request) => {
        await (await inner()).before?.(request);
      },
      after: async (request) => {
        await (await inner()).after?.(request);
      },
      onError: async (request) => {
        await (await inner()).onError?.(request);
      },
    },
  ];
};

/**
 * An AWS SDK v3 client, traced (a subsegment per call) where tracing is on. The X-Ray middleware is
 * added to the client's own middleware stack, so a client made before the Tracer has loaded is traced
 * from the load on; every handler awaits that load before its implementation runs.
 */
export const traceClient = <C extends object>(client: C): C => {
  if (loaded !== undefined) return loaded.tracer.captureAWSv3Client(client);
  // A failed load is reported by the invocation's own await of the same promise.
  loadXray()?.then(
    (module) => module.tracer.captureAWSv3Client(client),
    () => undefined,
  );
  return client;
};
