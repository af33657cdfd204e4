import * as z from 'zod';
import { API_KEY_STATUSES } from '../domain/open311/api-keys.ts';
import { defineRoute, type RouteContract } from './route.ts';

/** API keys of Open311 clients, issued, listed and revoked by admins (docs/open311.md). */

export const IssueApiKeyRequestSchema = z
  .object({
    clientName: z.string().trim().min(1).max(100).describe('Who the key is for, e.g. 市民随手拍小程序'),
    ratePerMinute: z
      .number()
      .int()
      .min(1)
      .max(6000)
      .default(60)
      .describe('Requests a minute the key may make on average (token bucket refill)'),
    burst: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .describe('Requests it may make at once (bucket size); default ratePerMinute, at most 1000'),
  })
  .meta({ id: 'IssueApiKeyRequest' });

export const ApiKeySchema = z
  .object({
    id: z.string(),
    clientName: z.string(),
    ratePerMinute: z.number().int(),
    burst: z.number().int(),
    status: z.enum(API_KEY_STATUSES),
    createdAt: z.string(),
    createdBy: z.string(),
    revokedAt: z.string().optional(),
    revokedBy: z.string().optional(),
  })
  .meta({ id: 'ApiKey' });

export const IssuedApiKeySchema = ApiKeySchema.extend({
  apiKey: z.string().describe('Shown this once; only its SHA-256 is kept'),
}).meta({ id: 'IssuedApiKey' });

export const ApiKeyIdParamsSchema = z
  .object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a key id (26 characters)') })
  .meta({ id: 'ApiKeyIdParams' });

export const issueApiKeyRoute = defineRoute({
  id: 'issueApiKey',
  method: 'POST',
  path: '/api-keys',
  roles: ['admin'],
  summary: 'Issue an Open311 API key to a client, with its rate limit (the key is shown once)',
  tag: 'open311',
  body: IssueApiKeyRequestSchema,
  response: IssuedApiKeySchema,
  successStatus: 201,
});

export const listApiKeysRoute = defineRoute({
  id: 'listApiKeys',
  method: 'GET',
  path: '/api-keys',
  roles: ['admin'],
  summary: 'The Open311 API keys, newest first (never their secrets)',
  tag: 'open311',
  query: z.object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2000).optional(),
  }),
  response: z
    .object({ items: z.array(ApiKeySchema), cursor: z.string().optional() })
    .meta({ id: 'ApiKeyList' }),
  successStatus: 200,
});

export const revokeApiKeyRoute = defineRoute({
  id: 'revokeApiKey',
  method: 'DELETE',
  path: '/api-keys/{id}',
  roles: ['admin'],
  summary: 'Revoke an Open311 API key (kept on record; repeating it is harmless)',
  tag: 'open311',
  params: ApiKeyIdParamsSchema,
  response: z.null(),
  successStatus: 204,
  errorStatuses: [404],
});

export const API_KEY_ROUTES: readonly RouteContract[] = [
  issueApiKeyRoute,
  listApiKeysRoute,
  revokeApiKeyRoute,
];
