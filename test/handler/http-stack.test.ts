import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { httpHandler } from '../../functions/middleware/http.ts';
import { defineRoute } from '../../shared/contracts/route.ts';
import { ConflictError } from '../../shared/domain/errors.ts';

const route = defineRoute({
  id: 'renameThing',
  method: 'POST',
  path: '/things/{id}',
  roles: ['admin', 'supervisor'],
  summary: 'test route',
  tag: 'test',
  params: z.object({ id: z.string().regex(/^t-\d+$/) }),
  body: z.object({ name: z.string().min(1) }),
  response: z.object({ id: z.string(), name: z.string(), by: z.string() }),
  successStatus: 201,
});

const handler = httpHandler(route, async ({ params, body, principal }) => {
  if (body.name === 'taken') throw new ConflictError('name already taken');
  if (body.name === 'boom') throw new TypeError('cannot read properties of undefined (reading "x")');
  return { id: params.id, name: body.name, by: principal.userId };
});

const context = { awsRequestId: 'req-1', functionName: 'f', getRemainingTimeInMillis: () => 1000 } as Context;

const event = (overrides: {
  body?: string;
  contentType?: string;
  claims?: Record<string, string> | null;
  id?: string;
}): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'POST /things/{id}',
    rawPath: `/things/${overrides.id ?? 't-1'}`,
    rawQueryString: '',
    headers: { 'content-type': overrides.contentType ?? 'application/json' },
    pathParameters: { id: overrides.id ?? 't-1' },
    body: overrides.body ?? JSON.stringify({ name: 'river' }),
    isBase64Encoded: false,
    requestContext: {
      requestId: 'r',
      authorizer:
        overrides.claims === null
          ? undefined
          : {
              jwt: {
                claims: overrides.claims ?? { sub: 'u-9', 'cognito:groups': '[supervisor]' },
                scopes: [],
              },
            },
    },
  }) as unknown as APIGatewayProxyEventV2;

const call = async (e: APIGatewayProxyEventV2) => {
  const result = (await handler(e, context)) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode,
    type: result.headers?.['content-type'],
    body: JSON.parse(result.body ?? 'null'),
  };
};

describe('the HTTP middy stack', () => {
  it('answers with the success status and the implementation result', async () => {
    const answer = await call(event({}));
    expect(answer).toEqual({
      status: 201,
      type: 'application/json; charset=utf-8',
      body: { id: 't-1', name: 'river', by: 'u-9' },
    });
  });

  it.each([
    ['no identity', event({ claims: null }), 401],
    ['a role the route does not allow', event({ claims: { sub: 'u', 'cognito:groups': '[deputy]' } }), 403],
    ['a body that is not JSON', event({ body: '{name:' }), 400],
    ['a body of another media type', event({ contentType: 'text/plain' }), 415],
    ['a body over 1 MiB', event({ body: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }) }), 413],
    ['a domain conflict', event({ body: JSON.stringify({ name: 'taken' }) }), 409],
  ])('refuses %s with problem+json', async (_label, e, status) => {
    const answer = await call(e);
    expect(answer.status).toBe(status);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body.status).toBe(status);
  });

  it('names every failing field of body and path', async () => {
    const answer = await call(event({ id: 'bad', body: JSON.stringify({ name: '' }) }));
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/body/name',
      '/path/id',
    ]);
  });

  it('hides the internals of an unexpected failure', async () => {
    const answer = await call(event({ body: JSON.stringify({ name: 'boom' }) }));
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('reading "x"');
  });
});
