import * as z from 'zod';
import { ENERGY_TYPES, METER_STATUSES, READING_KINDS } from '../domain/registry/records.ts';
import { REGISTRY_READERS, REGISTRY_WRITERS } from '../domain/registry/registry-access.ts';
import {
  AuditListSchema,
  expectedVersionField,
  GridRegionSchema,
  MeasuredParametersSchema,
  PageQuerySchema,
  RegistryIdParamsSchema,
  RegistryIdSchema,
  versionFields,
} from './registry-common.ts';
import { defineRoute } from './route.ts';

/**
 * Meters (计量器具): what they measure, in which unit, how they count. Unit ↔ energy type,
 * reading kind ↔ rollover, electricity ↔ grid region and scope ↔ energy type are checked by
 * shared/domain/registry/meter-rules.ts (422 naming the field). Writes admin-only; admin and
 * supervisor read.
 */

export const MeterSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    enterpriseId: z.string(),
    facilityId: z.string(),
    industryCode: z.string().describe('Copied from the enterprise; rollups key on it'),
    name: z.string(),
    energyType: z.enum(ENERGY_TYPES),
    unit: z.string(),
    readingKind: z.enum(READING_KINDS),
    rolloverValue: z.number().optional(),
    maxPerHour: z.number().optional(),
    scope: z.union([z.literal(1), z.literal(2)]),
    gridRegion: z.string().optional(),
    greenPower: z.boolean(),
    expectedIntervalSeconds: z.number().int(),
    source: z
      .enum(['feed'])
      .optional()
      .describe('feed: an account meter of an import account (docs/imports.md), judged by monthly files'),
    status: z.enum(METER_STATUSES),
    measuredParameters: MeasuredParametersSchema.optional(),
    ...versionFields,
  })
  .meta({ id: 'Meter' });
export type Meter = z.infer<typeof MeterSchema>;

const name = z.string().trim().min(1).max(200);
const MaxPerHourSchema = z
  .number()
  .positive()
  .finite()
  .describe(
    '额定上限 Capacity per hour, in the meter unit: a reading above it (per hour covered) is quarantined as implausible; without it, 100 × the median hourly use of recent days applies (null removes it)',
  );
const interval = z
  .number()
  .int()
  .min(10)
  .max(7 * 86_400)
  .describe('Silence longer than this raises an offline alert');

export const CreateMeterSchema = z
  .strictObject({
    id: RegistryIdSchema.optional(),
    enterpriseId: RegistryIdSchema,
    facilityId: RegistryIdSchema.describe('Must be a facility of enterpriseId'),
    name,
    energyType: z.enum(ENERGY_TYPES),
    unit: z.string().min(1).max(20),
    readingKind: z.enum(READING_KINDS),
    rolloverValue: z
      .number()
      .positive()
      .optional()
      .describe('Cumulative registers only: the largest value shown (it wraps to 0 one step later)'),
    maxPerHour: MaxPerHourSchema.optional(),
    scope: z
      .union([z.literal(1), z.literal(2)])
      .optional()
      .describe('Defaults from the energy type (electricity and heat 2, the rest 1)'),
    gridRegion: GridRegionSchema.optional().describe('Required for electricity'),
    greenPower: z.boolean().default(false).describe('Contracted green power (绿电), electricity only'),
    expectedIntervalSeconds: interval,
    status: z.enum(METER_STATUSES).default('active'),
    measuredParameters: MeasuredParametersSchema.optional().describe(
      'Fuel meters: measured NCV, carbon content, oxidation rate or density (实测值), each with its period',
    ),
  })
  .meta({ id: 'CreateMeter' });
export type CreateMeter = z.input<typeof CreateMeterSchema>;

export const UpdateMeterSchema = z
  .strictObject({
    version: expectedVersionField,
    name: name.optional(),
    facilityId: RegistryIdSchema.optional().describe('Another facility of the same enterprise'),
    unit: z.string().min(1).max(20).optional(),
    readingKind: z.enum(READING_KINDS).optional(),
    rolloverValue: z.number().positive().nullable().optional().describe('null removes it'),
    maxPerHour: MaxPerHourSchema.nullable().optional(),
    scope: z.union([z.literal(1), z.literal(2)]).optional(),
    gridRegion: GridRegionSchema.nullable().optional(),
    greenPower: z.boolean().optional(),
    expectedIntervalSeconds: interval.optional(),
    status: z.enum(METER_STATUSES).optional(),
    measuredParameters: MeasuredParametersSchema.nullable()
      .optional()
      .describe('Replaces the list; null removes it'),
  })
  .meta({
    id: 'UpdateMeter',
    description: 'energyType and enterpriseId are fixed: register a new meter instead',
  });
export type UpdateMeter = z.input<typeof UpdateMeterSchema>;

export const MeterListSchema = z
  .object({ items: z.array(MeterSchema), cursor: z.string().optional() })
  .meta({ id: 'MeterList' });
export type MeterList = z.infer<typeof MeterListSchema>;

export const createMeterRoute = defineRoute({
  id: 'createMeter',
  method: 'POST',
  path: '/meters',
  roles: REGISTRY_WRITERS,
  summary: '登记计量器具 Register a meter of a facility',
  tag: 'registry',
  body: CreateMeterSchema,
  response: MeterSchema,
  successStatus: 201,
  errorStatuses: [404, 409, 422],
});

export const updateMeterRoute = defineRoute({
  id: 'updateMeter',
  method: 'PATCH',
  path: '/meters/{id}',
  roles: REGISTRY_WRITERS,
  summary: '修改计量器具 Update a meter (optimistic version: body.version or If-Match)',
  tag: 'registry',
  params: RegistryIdParamsSchema,
  body: UpdateMeterSchema,
  response: MeterSchema,
  successStatus: 200,
  errorStatuses: [404, 409, 422],
});

export const listMetersRoute = defineRoute({
  id: 'listMeters',
  method: 'GET',
  path: '/meters',
  roles: REGISTRY_READERS,
  summary: '计量器具列表 List meters, by enterprise, facility and status, a page at a time',
  tag: 'registry',
  query: PageQuerySchema.extend({
    enterpriseId: RegistryIdSchema.optional(),
    facilityId: RegistryIdSchema.optional(),
    status: z.enum(METER_STATUSES).optional(),
  }),
  response: MeterListSchema,
  successStatus: 200,
});

export const getMeterRoute = defineRoute({
  id: 'getMeter',
  method: 'GET',
  path: '/meters/{id}',
  roles: REGISTRY_READERS,
  summary: '计量器具详情 One meter',
  tag: 'registry',
  params: RegistryIdParamsSchema,
  response: MeterSchema,
  successStatus: 200,
  errorStatuses: [404],
});

export const listMeterAuditRoute = defineRoute({
  id: 'listMeterAudit',
  method: 'GET',
  path: '/meters/{id}/audit',
  roles: REGISTRY_WRITERS,
  summary: '计量器具变更记录 Who changed what on a meter, oldest first',
  tag: 'registry',
  params: RegistryIdParamsSchema,
  query: PageQuerySchema,
  response: AuditListSchema,
  successStatus: 200,
  errorStatuses: [404],
});
