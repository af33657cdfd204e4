import { describe, expect, it } from 'vitest';
import { OPEN311_ROUTES } from '../../../shared/contracts/open311.ts';
import { buildOpenApiDocument } from '../../../shared/contracts/openapi.ts';
import { ALL_ROUTES } from '../../../shared/contracts/routes.ts';

type Operation = {
  security?: unknown[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};

describe('the Open311 routes in the OpenAPI document', () => {
  const doc = buildOpenApiDocument(ALL_ROUTES, { version: 'test' }) as {
    paths: Record<string, Record<string, Operation>>;
  };

  it('documents forms in, XML or JSON out, and errors as the spec’s array, never problem+json', () => {
    for (const route of OPEN311_ROUTES) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, route.path).toBeDefined();
      expect(operation?.security).toEqual([]);
      if (route.method === 'POST') {
        expect(Object.keys(operation?.requestBody?.content ?? {})).toEqual([
          'application/x-www-form-urlencoded',
        ]);
      }
      for (const [status, answer] of Object.entries(operation?.responses ?? {})) {
        expect(Object.keys(answer.content ?? {}), `${route.path} ${status}`).toEqual([
          'text/xml',
          'application/json',
        ]);
        if (Number(status) >= 400) {
          expect(answer.content?.['text/xml']?.schema.$ref).toBe('#/components/schemas/Open311Errors');
        }
      }
    }
  });
});
