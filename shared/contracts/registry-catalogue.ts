import * as z from 'zod';
import { CASE_CATEGORY_IDS } from '../domain/cases/case-categories.ts';
import { ROLES } from '../domain/roles.ts';
import { defineRoute, lazily } from './route.ts';

/**
 * The departments and the factor library: their own module, so the two functions that list them do
 * not build every registry contract (REGISTRY_ROUTES in registry.ts reaches them all) at a cold start.
 */

/** The answers' schemas, built on first use (route.ts, `lazily`): no handler reads them. */
const buildDepartmentAnswers = () => {
  const DepartmentSchema = z
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

  const DepartmentListSchema = z.object({ items: z.array(DepartmentSchema) }).meta({ id: 'DepartmentList' });
  return { DepartmentSchema, DepartmentListSchema };
};
const departmentAnswers = lazily(buildDepartmentAnswers);
type DepartmentAnswers = ReturnType<typeof buildDepartmentAnswers>;
export type Department = z.infer<DepartmentAnswers['DepartmentSchema']>;
export type DepartmentList = z.infer<DepartmentAnswers['DepartmentListSchema']>;

export const listDepartmentsRoute = defineRoute({
  id: 'listDepartments',
  method: 'GET',
  path: '/departments',
  roles: ROLES,
  summary: 'List the departments (承办单位) and the case categories each handles',
  tag: 'registry',
  get response() {
    return departmentAnswers().DepartmentListSchema;
  },
  successStatus: 200,
});

const buildFactorAnswers = () => {
  const FactorSummarySchema = z
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

  const NamedChoiceSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });

  /** What a figure can be computed with: methods, grid programmes, GWP sets, regions, and the defaults. */
  const AccountingChoicesSchema = z
    .object({
      methods: z.array(
        NamedChoiceSchema.extend({ combustionGases: z.array(z.string()), source: z.string() }),
      ),
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

  const FactorListSchema = z
    .object({ items: z.array(FactorSummarySchema), accounting: AccountingChoicesSchema })
    .meta({ id: 'FactorList' });
  return { FactorSummarySchema, AccountingChoicesSchema, FactorListSchema };
};
const factorAnswers = lazily(buildFactorAnswers);
type FactorAnswers = ReturnType<typeof buildFactorAnswers>;
export type FactorSummary = z.infer<FactorAnswers['FactorSummarySchema']>;
export type FactorList = z.infer<FactorAnswers['FactorListSchema']>;

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
  get response() {
    return factorAnswers().FactorListSchema;
  },
  successStatus: 200,
});
