import * as z from 'zod';
import {
  BUDGET_LEVELS,
  BUDGET_METRICS,
  DEFAULT_BUDGET_METRIC,
  DEFAULT_WARNING_RATIO,
} from '../../domain/carbon/budgets/budget-model.ts';
import { ALERT_KINDS, ALERT_LEVELS } from '../../domain/carbon/rollups/rollup-model.ts';
import { defineRoute, lazily } from '../route.ts';
import { STAFF } from './emissions-figures.ts';

/**
 * Carbon budgets (admins set them; supervisors and admins read them) and the alerts they and the
 * ingest raise (supervisors and admins: alerts name enterprises, whose data is not public).
 */

/** The answers' schemas are built on first use (route.ts, `lazily`): no handler reads them. */
const budgetSchema = lazily(() =>
  z
    .object({
      level: z.enum(BUDGET_LEVELS),
      targetId: z.string(),
      period: z.string().describe('2026 (year) or 2026-11 (month), local time'),
      metric: z
        .enum(BUDGET_METRICS)
        .describe(
          'co2e: location-based tCO2e (碳排放); tce: energy consumption in tonnes of standard coal (能耗)',
        ),
      limitTonnes: z.number().describe('The cap in tCO2e or tce, as metric says'),
      warningRatio: z.number(),
      version: z.number().int(),
      updatedAt: z.string(),
      updatedBy: z.string(),
    })
    .meta({ id: 'Budget' }),
);

export const putBudgetRoute = defineRoute({
  id: 'putBudget',
  method: 'PUT',
  path: '/budgets/{level}/{id}/{period}',
  roles: ['admin'],
  summary:
    '设定碳排放或能耗预算 Set a yearly or monthly budget in tCO2e or tce (metric); omit version to create, send the read version (body or If-Match) to replace',
  tag: 'budgets',
  params: z.object({
    level: z.enum(BUDGET_LEVELS),
    id: z.string().min(1).max(64),
    period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'YYYY or YYYY-MM'),
  }),
  body: z
    .object({
      metric: z
        .enum(BUDGET_METRICS)
        .default(DEFAULT_BUDGET_METRIC)
        .describe(
          'co2e (tCO2e, the default) or tce: each metric is a budget of its own, with its own version',
        ),
      limitTonnes: z.number().positive().max(1e9).describe('tCO2e or tce, as metric says'),
      warningRatio: z.number().gt(0).lt(1).default(DEFAULT_WARNING_RATIO),
      version: z.number().int().positive().optional(),
    })
    .meta({ id: 'PutBudgetRequest' }),
  get response() {
    return budgetSchema();
  },
  successStatus: 200,
  errorStatuses: [404, 409],
});

const budgetListSchema = lazily(() =>
  z.object({ items: z.array(budgetSchema()) }).meta({ id: 'BudgetList' }),
);

export const listBudgetsRoute = defineRoute({
  id: 'listBudgets',
  method: 'GET',
  path: '/budgets',
  roles: STAFF,
  summary: '碳预算列表 Budgets, optionally of one level or one target',
  tag: 'budgets',
  query: z.object({
    level: z.enum(BUDGET_LEVELS).optional(),
    id: z.string().min(1).max(64).optional(),
    metric: z.enum(BUDGET_METRICS).optional(),
  }),
  get response() {
    return budgetListSchema();
  },
  successStatus: 200,
});

const alertSchema = lazily(() =>
  z
    .object({
      kind: z.enum(ALERT_KINDS),
      level: z
        .enum(ALERT_LEVELS)
        .describe('A rollup target, or system (the platform itself, e.g. its working calendar)'),
      targetId: z.string(),
      enterpriseId: z
        .string()
        .optional()
        .describe('Meter alerts: the enterprise the meter belongs to, so staff know whom to call'),
      period: z.string(),
      metric: z
        .enum(BUDGET_METRICS)
        .optional()
        .describe('Budget alerts and projections: which budget (absent: co2e)'),
      raisedAt: z.string(),
      message: z.string().describe('zh-CN'),
      value: z.number().optional(),
      limit: z.number().optional(),
      threshold: z.number().optional(),
      anomalyKind: z
        .enum(['spike', 'dropToZero', 'flatLine', 'projectedBreach'])
        .optional()
        .describe('anomaly alerts: what was seen'),
      expected: z.number().optional().describe('anomaly alerts: the usual value (median), or month-to-date'),
      score: z
        .number()
        .optional()
        .describe('anomaly alerts: robust z, flat-run hours, or projected budget use'),
      caseId: z
        .string()
        .optional()
        .describe(
          'budget breaches of an enterprise: the automatic case it opened (GET /cases/{id}); absent until the hourly scan opens it',
        ),
    })
    .meta({ id: 'Alert' }),
);

const alertListSchema = lazily(() =>
  z.object({ items: z.array(alertSchema()), cursor: z.string().optional() }).meta({ id: 'AlertList' }),
);

export const listAlertsRoute = defineRoute({
  id: 'listAlerts',
  method: 'GET',
  path: '/alerts',
  roles: STAFF,
  summary: '告警列表 Budget, offline, anomaly and working-calendar alerts, newest first',
  tag: 'alerts',
  query: z.object({
    kind: z.enum(ALERT_KINDS).optional(),
    level: z.enum(ALERT_LEVELS).optional(),
    id: z.string().min(1).max(64).optional(),
    from: z.iso.datetime({ offset: true }).optional().describe('Raised at or after'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2000).optional(),
  }),
  get response() {
    return alertListSchema();
  },
  successStatus: 200,
});

export const BUDGET_ROUTES = [putBudgetRoute, listBudgetsRoute, listAlertsRoute] as const;
