/**
 * The Tracer is loaded only where tracing is on (shared/observability/tracer.ts). Where it is on, a
 * handler still opens its X-Ray subsegment with the cold-start annotation, and the SDK clients made
 * before the Tracer loaded still record theirs: the subsegments arrive at a real UDP socket standing
 * where the X-Ray daemon stands in Lambda (AWS_XRAY_DAEMON_ADDRESS), in the daemon's wire format.
 */
import { createSocket, type Socket } from 'node:dgram';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { tracingOn } from '../../shared/observability/tracer.ts';

interface Subsegment {
  name: string;
  trace_id: string;
  annotations?: Record<string, unknown>;
  fault?: boolean;
  error?: boolean;
  cause?: unknown;
}

const TRACE_ROOT = '1-6765f1a0-0123456789abcdef01234567';

describe('tracing on: a handler and its SDK calls still reach X-Ray', () => {
  let daemon: Socket;
  const received: Subsegment[] = [];

  beforeAll(async () => {
    daemon = createSocket('udp4');
    // Each datagram is `{"format":"json","version":1}\n{the subsegment}`.
    daemon.on('message', (message) => received.push(JSON.parse(String(message).split('\n')[1] ?? '{}')));
    await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
    // What Lambda gives a traced function, and our stack's flag (house-function.ts).
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs24.x');
    vi.stubEnv('LAMBDA_TASK_ROOT', '/var/task');
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    vi.stubEnv('_HANDLER', 'index.handler');
    vi.stubEnv('_X_AMZN_TRACE_ID', `Root=${TRACE_ROOT};Parent=53995c3f42cd8ad8;Sampled=1`);
    vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', `127.0.0.1:${daemon.address().port}`);
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'true');
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
    // Nothing listens there: the call fails at once, and its subsegment says so.
    vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', 'http://127.0.0.1:1');
    vi.stubEnv('AWS_MAX_ATTEMPTS', '1');
  });

  afterAll(() => {
    vi.unstubAllEnvs();
    daemon.close();
  });

  it('opens the invocation subsegment with its annotations, and one for a DynamoDB call', async () => {
    // Imported after the environment is Lambda's, as a function's modules are.
    const { httpHandler } = await import('../../functions/middleware/http.ts');
    const { defineRoute } = await import('../../shared/contracts/route.ts');
    const { getDocumentClient } = await import('../../shared/adapters/aws-clients.ts');
    const documents = getDocumentClient(); // made before the Tracer has loaded
    const route = defineRoute({
      id: 'readThing',
      method: 'GET',
      path: '/things',
      roles: 'public',
      summary: 'test route',
      tag: 'test',
      response: z.object({ read: z.boolean() }),
      successStatus: 200,
    });
    const handler = httpHandler(route, async () => {
      const read = await documents.send(new GetCommand({ TableName: 't', Key: { pk: 'x' } })).then(
        () => true,
        () => false,
      );
      return { read };
    });
    const event = {
      version: '2.0',
      rawPath: '/things',
      headers: {},
      requestContext: { requestId: 'r' },
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2;
    const context = { awsRequestId: 'a', functionName: 'f', getRemainingTimeInMillis: () => 1000 } as Context;

    const result = (await handler(event, context)) as APIGatewayProxyStructuredResultV2;
    // Datagrams: on a loaded box they may come a moment after the answer.
    await vi.waitFor(
      () =>
        expect(received.map((s) => s.name)).toEqual(expect.arrayContaining(['## index.handler', 'DynamoDB'])),
      { timeout: 10_000 },
    );

    expect(JSON.parse(result.body ?? '')).toEqual({ read: false });
    const invocation = received.find((s) => s.name === '## index.handler');
    expect(invocation).toMatchObject({
      trace_id: TRACE_ROOT,
      annotations: { ColdStart: true, Service: 'qingshan' },
    });
    const call = received.find((s) => s.name === 'DynamoDB');
    expect(call?.trace_id).toBe(TRACE_ROOT);
    expect(call?.fault || call?.error).toBe(true);
  });
});

describe('tracingOn: where the Tracer is loaded at all', () => {
  it.each([
    [
      'in Lambda, the stack’s flag on',
      { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x', POWERTOOLS_TRACE_ENABLED: 'true' },
      true,
    ],
    ['in Lambda, no flag (Powertools’ default)', { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x' }, true],
    [
      'in Lambda, the flag off (China regions)',
      { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x', POWERTOOLS_TRACE_ENABLED: 'FALSE' },
      false,
    ],
    ['outside Lambda (local runtime, tests)', { POWERTOOLS_TRACE_ENABLED: 'true' }, false],
  ])('%s → %s', (_label, env, on) => {
    expect(tracingOn(env)).toBe(on);
  });
});
