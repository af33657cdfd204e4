import * as z from 'zod';
import { INDICATOR_FIGURES } from '../domain/cases/case-indicators.ts';
import { instantOrLocalDate } from './case-basics.ts';
import { defineRoute } from './route.ts';

/** A department's case indicators over a dispatch period. */
export const DepartmentIndicatorsSchema = z
  .object({
    departmentId: z.string(),
    from: z.string().describe('Dispatches at or after (UTC instant)'),
    to: z.string().describe('Dispatches before (UTC instant)'),
    dispatched: z.number().int().describe('应结案数: dispatched as lead and not returned'),
    closed: z.number().int().describe('结案数'),
    closedOnTime: z.number().int().describe('按期结案数'),
    rectified: z.number().int(),
    reworked: z.number().int().describe('返工案件数'),
    extended: z.number().int().describe('延期案件数'),
    overdueOpen: z.number().int().describe('Held now and past deadline'),
    onTimeRate: z.number().nullable().describe('按期结案率 = closedOnTime / closed'),
    closureRate: z.number().nullable().describe('结案率 = closed / dispatched'),
    reworkRate: z.number().nullable().describe('返工率 = reworked / rectified'),
    extensionRate: z.number().nullable().describe('延期率 = extended / dispatched'),
    averageHandlingWorkingHours: z
      .number()
      .nullable()
      .describe('平均处置时长: working hours from dispatch to the first rectification'),
    satisfaction: z
      .object({
        rated: z.number().int(),
        satisfied: z.number().int(),
        basicallySatisfied: z.number().int(),
        unsatisfied: z.number().int(),
        satisfactionRate: z.number().nullable().describe('满意率 = (满意 + 基本满意) / rated'),
      })
      .describe('The reporters’ latest rating of each closure by the department'),
    caseIds: z
      .object(Object.fromEntries(INDICATOR_FIGURES.map((figure) => [figure, z.array(z.string())])))
      .optional()
      .describe('With ?cases=true: the ids of the cases behind each figure (drill-down)'),
  })
  .meta({ id: 'DepartmentIndicators' });

export const DepartmentIdParamsSchema = z
  .object({ id: z.string().min(1).max(200) })
  .meta({ id: 'DepartmentIdParams' });

export const IndicatorQuerySchema = z.object({
  from: instantOrLocalDate.describe('Dispatched at or after'),
  to: instantOrLocalDate.describe('Dispatched before (a date: up to the end of that day)'),
  cases: z.stringbool().optional().describe('true: also name the cases behind each figure (caseIds)'),
});

export const getDepartmentIndicatorsRoute = defineRoute({
  id: 'getDepartmentIndicators',
  method: 'GET',
  path: '/departments/{id}/indicators',
  roles: ['head', 'supervisor', 'admin'],
  summary:
    'Case indicators of a department (按期结案率, 结案率, 返工率, 延期率, 平均处置时长) for cases dispatched in a period',
  tag: 'cases',
  params: DepartmentIdParamsSchema,
  query: IndicatorQuerySchema,
  response: DepartmentIndicatorsSchema,
  successStatus: 200,
  errorStatuses: [404],
});
