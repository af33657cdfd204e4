import { buildOpenApiDocument } from '../../shared/contracts/openapi.ts';
import { ALL_ROUTES } from '../../shared/contracts/routes.ts';
import { openApiRoute } from '../../shared/contracts/system.ts';
import { httpHandler } from '../middleware/http.ts';

// Built once per container: the contracts do not change while it runs.
const document = buildOpenApiDocument(ALL_ROUTES, { version: '0.1.0' });

export const handler = httpHandler(openApiRoute, async () => document);
