import * as z from 'zod';
import { CASE_CATEGORY_IDS } from '../domain/cases/case-categories.ts';
import { ROLES } from '../domain/roles.ts';
import { listDeputiesRoute } from './deputies.ts';
import { issueMeterCredentialsRoute, revokeMeterCredentialsRoute } from './device-credentials.ts';
import {
  createEnterpriseRoute,
  createFacilityRoute,
  getEnterpriseRoute,
  listEnterpriseAuditRoute,
  listEnterprisesRoute,
  updateEnterpriseRoute,
  updateFacilityRoute,
} from './enterprises.ts';
import { resolveIdentifierRoute } from './identifiers.ts';
import {
  createMeterRoute,
  getMeterRoute,
  listMeterAuditRoute,
  listMetersRoute,
  updateMeterRoute,
} from './meters.ts';
import { defineRoute, type RouteContract } from './route.ts';

export const DepartmentSchema = z
  .object({
    id: z.string().describe('e.g. dept-ecology'),
    name: z.string().describe('zh-CN name, e.g. 区生态环境局'),
    nameEn: z.string().optional(),
    categories: z.array(z.enum(CASE_CATEGORY_IDS)).describe('Case categories this unit handles'),
    handlesSuggestions: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof DepartmentSchema>;

export const DepartmentListSchema = z
  .object({ items: z.array(DepartmentSchema) })
  .meta({ id: 'DepartmentList' });
export type DepartmentList = z.infer<typeof DepartmentListSchema>;

export const listDepartmentsRoute = defineRoute({
  id: 'listDepartments',
  method: 'GET',
  path: '/departments',
  roles: ROLES,
  summary: 'List the departments (承办单位) and the case categories each handles',
  tag: 'registry',
  response: DepartmentListSchema,
  successStatus: 200,
});

export const FactorSummarySchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    handle: z.string().describe('e.g. 88.118.8/factor.<id>-v<version>'),
    kind: z.string(),
    activityType: z.string(),
    region: z.string(),
    year: z.number().int(),
    value: z.number().optional().describe('Single-value factors (grid, heat, density)'),
    unit: z.string().optional(),
    values: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Multi-parameter factors (NCV, carbon content, per-gas)'),
    source: z.string(),
    citation: z.string(),
    publisher: z.string(),
    notes: z.string().optional(),
    verification: z
      .object({ status: z.enum(['verified', 'unverified']), note: z.string() })
      .describe('Whether the value was checked against the published text'),
    contentHash: z.string().describe('sha256 of the record; id@version always means these numbers'),
  })
  .meta({ id: 'FactorSummary' });
export type FactorSummary = z.infer<typeof FactorSummarySchema>;

const NamedChoiceSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });

/** What a figure can be computed with: methods, grid programmes, GWP sets, regions, and the defaults. */
export const AccountingChoicesSchema = z
  .object({
    methods: z.array(NamedChoiceSchema.extend({ combustionGases: z.array(z.string()), source: z.string() })),
    programmes: z.array(
      NamedChoiceSchema.extend({
        purpose: z.string(),
        factorKind: z.string(),
        regionLevel: z.string(),
        basis: z.enum(['location-based', 'market-based']),
        source: z.string(),
      }),
    ),
    gwpSets: z.array(
      z.object({
        id: z.string(),
        gwp: z.record(z.string(), z.number()),
        source: z.string(),
        citation: z.string(),
        contentHash: z.string(),
      }),
    ),
    regions: z.array(NamedChoiceSchema.omit({ id: true }).extend({ code: z.string(), level: z.string() })),
    defaults: z.object({ method: z.string(), programme: z.string(), gwpSet: z.string() }),
  })
  .meta({ id: 'AccountingChoices' });

export const FactorListSchema = z
  .object({ items: z.array(FactorSummarySchema), accounting: AccountingChoicesSchema })
  .meta({ id: 'FactorList' });
export type FactorList = z.infer<typeof FactorListSchema>;

export const listFactorsRoute = defineRoute({
  id: 'listFactors',
  method: 'GET',
  path: '/factors',
  roles: ROLES,
  summary:
    'List the emission-factor library (排放因子库) with sources, versions, handles and content hashes, and the methods, grid programmes and GWP sets figures can use',
  tag: 'registry',
  query: z.object({
    kind: z.string().optional(),
    region: z.string().optional(),
    year: z.coerce.number().int().optional(),
  }),
  response: FactorListSchema,
  successStatus: 200,
});

/** Registry: enterprises, facilities, meters, departments, identifiers, factors. */
export const REGISTRY_ROUTES: readonly RouteContract[] = [
  listDepartmentsRoute,
  listDeputiesRoute,
  listFactorsRoute,
  issueMeterCredentialsRoute,
  revokeMeterCredentialsRoute,
  createEnterpriseRoute,
  updateEnterpriseRoute,
  listEnterprisesRoute,
  getEnterpriseRoute,
  createFacilityRoute,
  updateFacilityRoute,
  listEnterpriseAuditRoute,
  createMeterRoute,
  updateMeterRoute,
  listMetersRoute,
  getMeterRoute,
  listMeterAuditRoute,
  resolveIdentifierRoute,
];
