import { openApiRoute } from '../../shared/contracts/system.ts';
import { httpHandler } from '../middleware/http.ts';
import document from './openapi-document.json' with { type: 'json' };

// Written from the contracts by `npm run openapi` and held equal to them by a unit test: generating it
// here, at load, ran every contract's schemas through zod's JSON Schema conversion on each cold start.
export const handler = httpHandler(openApiRoute, async () => document);
