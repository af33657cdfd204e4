import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/system/openapi.ts';
import { currentOpenApiDocument, OPENAPI_DOCUMENT_FILE } from '../../infra/tools/openapi-document.ts';

const event = {
  version: '2.0',
  routeKey: 'GET /openapi.json',
  rawPath: '/openapi.json',
  rawQueryString: '',
  headers: {},
  isBase64Encoded: false,
  requestContext: { requestId: 'r' },
} as unknown as APIGatewayProxyEventV2;
const context = { awsRequestId: 'req-1', functionName: 'f', getRemainingTimeInMillis: () => 1000 } as Context;

/** The function serves a copy written ahead of time; the contracts stay its one source. */
describe('GET /openapi.json', () => {
  const document = currentOpenApiDocument();
  const generated = JSON.stringify(document);

  it('answers byte for byte the document the contracts generate (if not: `npm run openapi`)', async () => {
    const answer = (await handler(event, context)) as APIGatewayProxyStructuredResultV2;
    expect(answer.statusCode).toBe(200);
    // Members first (a readable diff when they differ), then their order, byte for byte.
    expect(JSON.parse(answer.body ?? 'null')).toEqual(document);
    expect(answer.body === generated, 'same bytes as generated').toBe(true);
  });

  it('serves the file `npm run openapi` writes, unchanged since', () => {
    const stored = JSON.parse(readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8')) as unknown;
    expect(stored).toEqual(document);
    expect(JSON.stringify(stored) === generated, 'same members in the same order').toBe(true);
  });
});
