import * as z from 'zod';
import { ROLES } from '../domain/roles.ts';
import { defineRoute } from './route.ts';

export const DeputySchema = z
  .object({
    id: z.string().describe('The deputy’s user id (the token’s sub)'),
    name: z.string().describe('Display name (姓名)'),
    delegation: z.string().optional().describe('Delegation or constituency'),
  })
  .meta({ id: 'Deputy' });
export type Deputy = z.infer<typeof DeputySchema>;

export const DeputyListSchema = z.object({ items: z.array(DeputySchema) }).meta({ id: 'DeputyList' });
export type DeputyList = z.infer<typeof DeputyListSchema>;

export const listDeputiesRoute = defineRoute({
  id: 'listDeputies',
  method: 'GET',
  path: '/deputies',
  roles: ROLES,
  summary: 'List the active deputies (人大代表名册), e.g. to pick co-signers of a suggestion; read-only',
  tag: 'registry',
  response: DeputyListSchema,
  successStatus: 200,
});
