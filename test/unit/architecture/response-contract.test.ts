import { describe, expect, it } from 'vitest';
import { contractProblems, routeFor, undocumentedFields } from '../../support/response-contract.ts';

const json = (status: number, body: unknown, contentType = 'application/json') => ({
  status,
  contentType,
  text: JSON.stringify(body),
});

const health = { status: 'ok', service: 'qingshan', stage: 'local', time: '2026-12-07T00:45:26.954Z' };

describe('routeFor', () => {
  it('picks the literal route over a parameter, as the gateway does', () => {
    expect(routeFor('GET', '/reports/escalations')?.id).toBe('getEscalations');
    expect(routeFor('GET', '/reports/performance-weekly~district~district~2026-W48')?.id).toBe('getReport');
    expect(routeFor('GET', '/suggestions/statistics?from=2026-01')?.path).toBe('/suggestions/statistics');
  });

  it('lets a greedy parameter span slashes, and knows no route it was not given', () => {
    expect(routeFor('GET', '/identifiers/88.118.8/meter.MTR-0001')?.path).toBe('/identifiers/{id+}');
    expect(routeFor('DELETE', '/health')).toBeUndefined();
  });
});

describe('contractProblems', () => {
  const route = routeFor('GET', '/health');
  if (route === undefined) throw new Error('no /health route');

  it('accepts an answer that keeps the contract', () => {
    expect(contractProblems(route, json(200, health))).toEqual([]);
  });

  it('names a field the schema does not, however deep', () => {
    expect(contractProblems(route, json(200, { ...health, tableKey: 'pk' }))).toEqual([
      '/tableKey: not in the response schema',
    ]);
    expect(undocumentedFields({ items: [{ a: 1, pk: 'x' }] }, { items: [{ a: 1 }] })).toEqual([
      '/items/0/pk',
    ]);
  });

  it('names a wrong type, a wrong success status and an error that is not problem+json', () => {
    expect(contractProblems(route, json(200, { ...health, time: 'yesterday' }))).toHaveLength(1);
    expect(contractProblems(route, json(201, health))).toEqual(['status 201, the contract says 200']);
    expect(contractProblems(route, json(500, { message: 'Internal Server Error' }))).toEqual([
      'content-type application/json, not problem+json',
    ]);
    const problem = { type: 'about:blank', title: '未找到 (not found)', status: 404 };
    expect(contractProblems(route, json(404, problem, 'application/problem+json'))).toEqual([]);
  });
});
