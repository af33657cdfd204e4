/**
 * `npm run openapi`: writes the OpenAPI document the function serves (functions/system/openapi-document.json)
 * from the contracts, formatted as Biome wants it. Run it after changing a route or a schema; the unit
 * test test/handler/openapi-document.test.ts fails until the copy matches the contracts again.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { currentOpenApiDocument, OPENAPI_DOCUMENT_FILE } from './openapi-document.ts';

writeFileSync(OPENAPI_DOCUMENT_FILE, `${JSON.stringify(currentOpenApiDocument(), null, 2)}\n`);
execFileSync('npx', ['biome', 'format', '--write', OPENAPI_DOCUMENT_FILE], { stdio: 'inherit' });
console.log(`wrote ${OPENAPI_DOCUMENT_FILE}`);
