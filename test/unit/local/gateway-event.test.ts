import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildEvent, compileRoute, findRoute, flattenClaims } from '../../../infra/local/gateway-event.ts';
import { defineRoute } from '../../../shared/contracts/route.ts';

const route = (method: 'GET' | 'POST', path: string) =>
  defineRoute({
    id: path,
    method,
    path,
    roles: 'public',
    summary: '',
    tag: 't',
    response: z.unknown(),
    successStatus: 200,
  });

describe('route matching', () => {
  const matchers = [
    compileRoute(route('GET', '/cases/{id}'), 'one'),
    compileRoute(route('GET', '/cases/stats'), 'stats'),
    compileRoute(route('GET', '/identifiers/{id+}'), 'greedy'),
    compileRoute(route('POST', '/cases'), 'create'),
  ];

  it('prefers a literal segment over a parameter, as API Gateway does', () => {
    expect(findRoute(matchers, 'GET', '/cases/stats')?.matcher.target).toBe('stats');
    expect(findRoute(matchers, 'GET', '/cases/c-42')?.params).toEqual({ id: 'c-42' });
  });

  it('captures the rest of the path in a greedy parameter, decoded', () => {
    const found = findRoute(matchers, 'GET', '/identifiers/88.118.8/meter.MTR%2D0001');
    expect(found?.matcher.target).toBe('greedy');
    expect(found?.params).toEqual({ id: '88.118.8/meter.MTR-0001' });
  });

  it('does not match another method or a longer path', () => {
    expect(findRoute(matchers, 'DELETE', '/cases/c-1')).toBeUndefined();
    expect(findRoute(matchers, 'GET', '/cases/c-1/extra')).toBeUndefined();
  });
});

describe('payload 2.0 event', () => {
  it('carries claims as strings, arrays in brackets, like the JWT authorizer', () => {
    expect(flattenClaims({ sub: 'u', 'cognito:groups': ['deputy', 'admin'], exp: 1700000000 })).toEqual({
      sub: 'u',
      'cognito:groups': '[deputy admin]',
      exp: '1700000000',
    });
  });

  it('joins repeated query parameters with commas and base64-encodes binary bodies', () => {
    // Prepare
    const request = {
      method: 'POST',
      path: '/cases',
      rawQueryString: 'state=open&state=closed&near=1',
      headers: { 'content-type': 'image/png', host: 'localhost:3000' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      sourceIp: '127.0.0.1',
      now: new Date('2026-01-01T00:00:00Z'),
    };

    // Act
    const event = buildEvent(request, route('POST', '/cases'), {}, { sub: 'u' });

    // Assess
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('POST /cases');
    expect(event.queryStringParameters).toEqual({ state: 'open,closed', near: '1' });
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(request.body);
    expect((event.requestContext as unknown as { authorizer: unknown }).authorizer).toEqual({
      jwt: { claims: { sub: 'u' }, scopes: [] },
    });
  });
});
