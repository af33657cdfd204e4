/**
 * The OpenAPI document `GET /openapi.json` serves, generated from the contracts. The function serves a
 * copy written ahead of time (functions/system/openapi-document.json, `npm run openapi`): generating it
 * at load took the function to 2.2 × the cold start of a bare SDK client (docs/performance.md,
 * "Cold start"). test/handler/openapi-document.test.ts holds the copy equal to what the contracts say.
 */
import { resolve } from 'node:path';
import { buildOpenApiDocument } from '../../shared/contracts/openapi.ts';
import { ALL_ROUTES } from '../../shared/contracts/routes.ts';

export const OPENAPI_VERSION = '0.1.0';

export const OPENAPI_DOCUMENT_FILE = resolve(
  import.meta.dirname,
  '..',
  '..',
  'functions',
  'system',
  'openapi-document.json',
);

export const currentOpenApiDocument = (): Record<string, unknown> =>
  buildOpenApiDocument(ALL_ROUTES, { version: OPENAPI_VERSION });
