import { z } from 'zod';
import { GRID_PROGRAMME_IDS } from '../domain/carbon/accounting/grid-programmes.ts';
import { GRID_REGION_CODES } from '../domain/carbon/accounting/grid-regions.ts';
import { MEASURED_PARAMETER_NAMES } from '../domain/carbon/accounting/measured-parameters.ts';
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

/** The closed list of grid regions (shared/data/programmes/grid-regions.json); others are a 400. */
export const GridRegionSchema = z
  .enum(GRID_REGION_CODES as [string, ...string[]], {
    error: (issue) =>
      `电网区域不在清单内 (grid region ${String(issue.input)} is not one of ${GRID_REGION_CODES.join(', ')})`,
  })
  .describe('A published grid: CN (national) or a regional grid such as CN-SOUTH');

/** The grid factor programme an enterprise's electricity is priced with. */
export const FactorProgrammeSchema = z
  .enum(GRID_PROGRAMME_IDS, {
    error: (issue) =>
      `因子口径无效 (factor programme ${String(issue.input)} is not one of ${GRID_PROGRAMME_IDS.join(', ')})`,
  })
  .describe('Grid factor programme (因子口径); absent: the deployment default (QS_FACTOR_PROGRAMME)');

/** A measured fuel parameter (实测值) with the period it holds; units and overlaps checked (422). */
export const MeasuredParameterSchema = z
  .strictObject({
    parameter: z.enum(MEASURED_PARAMETER_NAMES),
    value: z.number().positive(),
    unit: z
      .string()
      .min(1)
      .max(20)
      .describe(
        'ncv: GJ/t, MJ/kg, GJ/10^4Nm3, MJ/Nm3; carbon-content: tC/TJ, tC/GJ; oxidation-rate: fraction, %; density: kg/L, t/m3, kg/m3',
      ),
    validFrom: z.iso.date(),
    validTo: z.iso.date(),
    source: z.string().trim().min(1).max(200).describe('Laboratory report, delivery note or certificate'),
  })
  .meta({ id: 'MeasuredParameter' });

export const MeasuredParametersSchema = z.array(MeasuredParameterSchema).max(50);

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
