import * as z from 'zod';
import { ENERGY_TYPES, ENTERPRISE_STATUSES, METER_STATUSES } from '../domain/registry/records.ts';
import { REGISTRY_READERS, REGISTRY_WRITERS } from '../domain/registry/registry-access.ts';
import { EconomicsSchema } from './enterprise-economics.ts';
import {
  AuditListSchema,
  expectedVersionField,
  FactorProgrammeSchema,
  GeoPointSchema,
  PageQuerySchema,
  RegistryIdParamsSchema,
  RegistryIdSchema,
  versionFields,
} from './registry-common.ts';
import { defineRoute } from './route.ts';

/**
 * Enterprises (重点用能/排放企业) and their facilities. Writes are admin-only; admin and supervisor
 * read; other roles get 403 (shared/domain/registry/registry-access.ts says why).
 */

export const EnterpriseSchema = z
  .object({
    id: z.string(),
    handle: z.string().describe('Industrial-internet identifier, e.g. 88.118.8/enterprise.ENT-0001'),
    name: z.string(),
    uscc: z.string().describe('统一社会信用代码 (GB 32100)'),
    industryCode: z.string().describe('GB/T 4754-2017 class, e.g. C3311'),
    address: z.string(),
    location: GeoPointSchema.optional(),
    status: z.enum(ENTERPRISE_STATUSES),
    factorProgramme: FactorProgrammeSchema.optional(),
    economics: EconomicsSchema.optional(),
    ...versionFields,
  })
  .meta({ id: 'Enterprise' });
export type Enterprise = z.infer<typeof EnterpriseSchema>;

export const FacilitySchema = z
  .object({
    id: z.string(),
    handle: z.string().optional(),
    enterpriseId: z.string(),
    name: z.string(),
    address: z.string().optional(),
    location: GeoPointSchema.optional(),
    ...versionFields,
  })
  .meta({ id: 'Facility' });
export type Facility = z.infer<typeof FacilitySchema>;

const MeterSummarySchema = z.object({
  id: z.string(),
  handle: z.string(),
  name: z.string(),
  facilityId: z.string(),
  energyType: z.enum(ENERGY_TYPES),
  unit: z.string(),
  status: z.enum(METER_STATUSES),
});

export const EnterpriseDetailSchema = EnterpriseSchema.extend({
  facilities: z.array(FacilitySchema),
  meters: z.object({
    total: z.number().int(),
    active: z.number().int(),
    byEnergyType: z.record(z.string(), z.number().int()),
    items: z.array(MeterSummarySchema),
  }),
}).meta({ id: 'EnterpriseDetail' });
export type EnterpriseDetail = z.infer<typeof EnterpriseDetailSchema>;

const name = z.string().trim().min(1).max(200);
const address = z.string().trim().min(1).max(300);

export const CreateEnterpriseSchema = z
  .strictObject({
    id: RegistryIdSchema.optional(),
    name,
    uscc: z
      .string()
      .max(40)
      .describe('18 characters; a wrong check character answers 422 naming the expected one'),
    industryCode: z
      .string()
      .max(10)
      .describe('GB/T 4754-2017 class code (letter + 4 digits, or the 4 digits)'),
    address,
    location: GeoPointSchema.optional(),
    status: z.enum(ENTERPRISE_STATUSES).default('active'),
    factorProgramme: FactorProgrammeSchema.optional(),
    economics: EconomicsSchema.optional(),
  })
  .meta({ id: 'CreateEnterprise' });
export type CreateEnterprise = z.input<typeof CreateEnterpriseSchema>;

export const UpdateEnterpriseSchema = z
  .strictObject({
    version: expectedVersionField,
    name: name.optional(),
    uscc: z.string().max(40).optional(),
    industryCode: z.string().max(10).optional(),
    address: address.optional(),
    location: GeoPointSchema.nullable().optional().describe('null removes it'),
    status: z.enum(ENTERPRISE_STATUSES).optional(),
    factorProgramme: FactorProgrammeSchema.nullable().optional().describe('null: the deployment default'),
    economics: EconomicsSchema.nullable()
      .optional()
      .describe('Replaces every year at once (send the whole map); null removes them all'),
  })
  .meta({ id: 'UpdateEnterprise' });
export type UpdateEnterprise = z.input<typeof UpdateEnterpriseSchema>;

export const CreateFacilitySchema = z
  .strictObject({
    id: RegistryIdSchema.optional(),
    name,
    address: address.optional(),
    location: GeoPointSchema.optional(),
  })
  .meta({ id: 'CreateFacility' });

export const UpdateFacilitySchema = z
  .strictObject({
    version: expectedVersionField,
    name: name.optional(),
    address: address.nullable().optional().describe('null removes it'),
    location: GeoPointSchema.nullable().optional().describe('null removes it'),
  })
  .meta({ id: 'UpdateFacility', description: 'enterpriseId is fixed: a facility stays with its enterprise' });
export type UpdateFacility = z.input<typeof UpdateFacilitySchema>;

export const FacilityParamsSchema = z.object({ id: RegistryIdSchema, facilityId: RegistryIdSchema });

export const EnterpriseListSchema = z
  .object({ items: z.array(EnterpriseSchema), cursor: z.string().optional() })
  .meta({ id: 'EnterpriseList' });
export type EnterpriseList = z.infer<typeof EnterpriseListSchema>;

export const createEnterpriseRoute = defineRoute({
  id: 'createEnterprise',
  method: 'POST',
  path: '/enterprises',
  roles: REGISTRY_WRITERS,
  summary: '登记企业 Register an enterprise (USCC check character and industry code verified)',
  tag: 'registry',
  body: CreateEnterpriseSchema,
  response: EnterpriseSchema,
  successStatus: 201,
  errorStatuses: [409, 422],
});

export const updateEnterpriseRoute = defineRoute({
  id: 'updateEnterprise',
  method: 'PATCH',
  path: '/enterprises/{id}',
  roles: REGISTRY_WRITERS,
  summary: '修改企业信息 Update an enterprise (optimistic version: body.version or If-Match)',
  tag: 'registry',
  params: RegistryIdParamsSchema,
  body: UpdateEnterpriseSchema,
  response: EnterpriseSchema,
  successStatus: 200,
  errorStatuses: [404, 409, 422],
});

export const listEnterprisesRoute = defineRoute({
  id: 'listEnterprises',
  method: 'GET',
  path: '/enterprises',
  roles: REGISTRY_READERS,
  summary: '企业列表 List enterprises by id, a page at a time',
  tag: 'registry',
  query: PageQuerySchema,
  response: EnterpriseListSchema,
  successStatus: 200,
});

export const getEnterpriseRoute = defineRoute({
  id: 'getEnterprise',
  method: 'GET',
  path: '/enterprises/{id}',
  roles: REGISTRY_READERS,
  summary: '企业详情 An enterprise with its facilities and a summary of its meters',
  tag: 'registry',
  params: RegistryIdParamsSchema,
  response: EnterpriseDetailSchema,
  successStatus: 200,
  errorStatuses: [404],
});

export const createFacilityRoute = defineRoute({
  id: 'createFacility',
  method: 'POST',
  path: '/enterprises/{id}/facilities',
  roles: REGISTRY_WRITERS,
  summary: '登记设施 Register a facility (厂区/车间) of an enterprise',
  tag: 'registry',
  params: RegistryIdParamsSchema,
  body: CreateFacilitySchema,
  response: FacilitySchema,
  successStatus: 201,
  errorStatuses: [404, 409],
});

export const updateFacilityRoute = defineRoute({
  id: 'updateFacility',
  method: 'PATCH',
  path: '/enterprises/{id}/facilities/{facilityId}',
  roles: REGISTRY_WRITERS,
  summary: '修改设施 Update a facility of an enterprise (optimistic version: body.version or If-Match)',
  tag: 'registry',
  params: FacilityParamsSchema,
  body: UpdateFacilitySchema,
  response: FacilitySchema,
  successStatus: 200,
  errorStatuses: [404, 409],
});

export const listEnterpriseAuditRoute = defineRoute({
  id: 'listEnterpriseAudit',
  method: 'GET',
  path: '/enterprises/{id}/audit',
  roles: REGISTRY_WRITERS,
  summary: '企业变更记录 Who changed what on an enterprise (and its facilities), oldest first',
  tag: 'registry',
  params: RegistryIdParamsSchema,
  query: PageQuerySchema,
  response: AuditListSchema,
  successStatus: 200,
  errorStatuses: [404],
});
