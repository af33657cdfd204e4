import * as z from 'zod';
import { defineRoute } from './route.ts';

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    service: z.string(),
    stage: z.string(),
    time: z.iso.datetime(),
  })
  .meta({ id: 'Health' });

export const healthRoute = defineRoute({
  id: 'getHealth',
  method: 'GET',
  path: '/health',
  roles: 'public',
  summary: 'Liveness of the API',
  tag: 'system',
  response: HealthSchema,
  successStatus: 200,
});

export const openApiRoute = defineRoute({
  id: 'getOpenApi',
  method: 'GET',
  path: '/openapi.json',
  roles: 'public',
  summary: 'The OpenAPI 3.1 document of this API, generated from its contracts',
  tag: 'system',
  response: z.record(z.string(), z.unknown()),
  successStatus: 200,
});
