import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/contracts/openapi.ts';
import { ALL_ROUTES } from '../../shared/contracts/routes.ts';

type Operation = { operationId: string; parameters: { name: string; in: string }[] };

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument(ALL_ROUTES, { version: 'test' }) as {
    paths: Record<string, Record<string, Operation>>;
  };

  it('documents every path template parameter of every operation', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const operation of Object.values(operations)) {
        const documented = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
        for (const name of names)
          if (!documented.includes(name as string)) missing.push(`${operation.operationId} ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents the greedy /identifiers/{id+} as an ordinary path parameter (OpenAPI has no greedy ones)', () => {
    expect(Object.keys(document.paths).filter((path) => path.includes('+'))).toEqual([]);
    expect(document.paths['/identifiers/{id}']?.get?.parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path' }),
    );
  });

  it('has one operation per route', () => {
    const count = Object.values(document.paths).reduce(
      (sum, operations) => sum + Object.keys(operations).length,
      0,
    );
    expect(count).toBe(ALL_ROUTES.length);
  });
});
