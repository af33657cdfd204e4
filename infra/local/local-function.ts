import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { FunctionSpec } from '../manifest.ts';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/** One manifest function served in-process, loaded on first use as a Lambda cold start would. */
export interface LocalFunction {
  readonly spec: FunctionSpec;
  invoke(event: unknown): Promise<unknown>;
}

export class FunctionTimeoutError extends Error {
  override name = 'FunctionTimeoutError';
}

export const createLocalFunction = (spec: FunctionSpec, projectRoot: string): LocalFunction => {
  let handler: Promise<Handler> | undefined;
  const load = async (): Promise<Handler> => {
    const module = (await import(pathToFileURL(resolve(projectRoot, spec.entry)).href)) as {
      handler?: Handler;
    };
    if (typeof module.handler !== 'function') throw new Error(`${spec.entry} does not export a handler`);
    return module.handler;
  };
  return {
    spec,
    invoke: async (event) => {
      handler ??= load();
      const timeoutMs = (spec.timeoutSeconds ?? 10) * 1000;
      const context = lambdaContext(spec, timeoutMs);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new FunctionTimeoutError(`Task timed out after ${timeoutMs / 1000} seconds`)),
          timeoutMs,
        );
      });
      try {
        return await Promise.race([(await handler)(event, context), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
};

const lambdaContext = (spec: FunctionSpec, timeoutMs: number): Context => {
  const deadline = Date.now() + timeoutMs;
  const functionName = `qingshan-local-${spec.id}`;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: String(spec.memoryMb ?? 256),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};
