import * as z from 'zod';
import { ROLES } from '../domain/roles.ts';
import { defineRoute } from './route.ts';

/** Industrial-internet identifier resolution (标识解析), docs/architecture.md, Domain notes. */

export const IDENTIFIER_TYPES = ['enterprise', 'facility', 'meter', 'factor', 'batch'] as const;

export const ResolvedIdentifierSchema = z
  .object({
    handle: z.string().describe('prefix/suffix, e.g. 88.118.8/meter.MTR-0001'),
    type: z.enum(IDENTIFIER_TYPES),
    elements: z
      .array(z.object({ index: z.number().int(), type: z.string(), value: z.string() }))
      .describe('Typed values, as a Handle record holds them; index 1 is the URL of the record in this API'),
    links: z
      .array(z.object({ rel: z.string(), handle: z.string() }))
      .describe(
        'Lineage: meter → enterprise, facility; enterprise → facilities, meters; batch → meter, factor',
      ),
  })
  .meta({ id: 'ResolvedIdentifier' });
export type ResolvedIdentifier = z.infer<typeof ResolvedIdentifierSchema>;

export const resolveIdentifierRoute = defineRoute({
  id: 'resolveIdentifier',
  method: 'GET',
  path: '/identifiers/{id+}',
  roles: ROLES,
  summary:
    '标识解析 Resolve an identifier (the handle, slashes and all, is the rest of the path); enterprise and meter handles need admin or supervisor',
  tag: 'registry',
  params: z.object({ id: z.string().min(3).max(255) }),
  response: ResolvedIdentifierSchema,
  successStatus: 200,
  errorStatuses: [404],
});
