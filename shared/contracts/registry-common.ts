import { z } from 'zod';
import { AUDIT_ACTIONS } from '../domain/registry/audit.ts';
import { LOCAL_ID_PATTERN } from '../domain/registry/registry-id.ts';
import { ROLES } from '../domain/roles.ts';

/** Pieces shared by the enterprise, facility and meter contracts. */

export const RegistryIdSchema = z
  .string()
  .regex(LOCAL_ID_PATTERN, 'letters, digits, "_" or "-", at most 64')
  .describe('e.g. ENT-0001; server-assigned (ENT-<ULID>) when a create omits it');

export const RegistryIdParamsSchema = z.object({ id: RegistryIdSchema });

/** WGS-84 degrees; out-of-range coordinates are a 400 naming the field. */
export const GeoPointSchema = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  })
  .meta({ id: 'GeoPoint' });

export const versionFields = {
  version: z.number().int().describe('Send it back (or as If-Match) when updating'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/** The version a PATCH expects; may come as If-Match instead. */
export const expectedVersionField = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('The version the caller read (or send it as If-Match); a different stored version answers 409');

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional().describe('From the previous page'),
});

export const AuditEntrySchema = z
  .object({
    at: z.iso.datetime(),
    actorId: z.string(),
    actorName: z.string(),
    roles: z.array(z.enum(ROLES)),
    action: z.enum(AUDIT_ACTIONS),
    subjectType: z.enum(['enterprise', 'facility', 'meter']),
    subjectId: z.string(),
    version: z.number().int(),
    changes: z.array(
      z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() }),
    ),
  })
  .meta({ id: 'RegistryAuditEntry' });

export const AuditListSchema = z
  .object({ items: z.array(AuditEntrySchema), cursor: z.string().optional() })
  .meta({ id: 'RegistryAuditList' });
export type AuditList = z.infer<typeof AuditListSchema>;
