import { z } from 'zod';
import {
  RECALC_ACCOUNTING,
  RECALC_LEVELS,
  RECALC_STATUSES,
} from '../../domain/carbon/rollups/recalculation-model.ts';
import { defineRoute } from '../route.ts';

/**
 * Recalculations (admins): after a factor correction is deployed, recompute one month of an
 * enterprise or of the city from the batch logs of its closed hours. The request is queued and run as
 * a checkpointed job (the `recalculate` schedule picks it up within a minute; `npm run job --
 * recalculate` runs one by hand); its record reports progress, before, after and the difference.
 */

const Totals = z.object({ co2eT: z.number(), co2eMarketT: z.number(), tce: z.number() });
const Hours = z.object({
  changed: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.record(z.string(), z.number().int()).describe('current-hour, legacy-item, not-replayable'),
});

export const RecalculationSchema = z
  .object({
    id: z.string(),
    scope: z.object({ level: z.enum(RECALC_LEVELS), id: z.string() }),
    period: z.string().describe('Local month'),
    reason: z.string(),
    accounting: z.enum(RECALC_ACCOUNTING),
    requestedBy: z.string(),
    createdAt: z.string(),
    cutoff: z
      .string()
      .describe('Hours that ended at or before it are recalculated; later ones are the ingest’s'),
    status: z.enum(RECALC_STATUSES),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    error: z.string().optional(),
    totalUnits: z.number().int().optional(),
    progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
    units: z.string(),
    before: Totals.describe('What the rollups held for the hours recalculated'),
    after: Totals.describe('What they hold now'),
    difference: Totals.describe('after − before'),
    hours: Hours,
    factorRefs: z.object({
      before: z.array(z.string()).describe('Factor versions the previous figures rest on'),
      after: z.array(z.string()).describe('Factor versions the new figures rest on'),
    }),
    byMeter: z.array(
      z.object({
        meterId: z.string(),
        enterpriseId: z.string(),
        before: Totals,
        after: Totals,
        difference: Totals,
        hours: Hours,
      }),
    ),
    problems: z.array(z.string()).describe('Hours that could not be recomputed, and why'),
  })
  .meta({ id: 'Recalculation' });

export const createRecalculationRoute = defineRoute({
  id: 'createRecalculation',
  method: 'POST',
  path: '/recalculations',
  roles: ['admin'],
  summary: '重算 Recompute a month of an enterprise or the city after a factor correction (queued job)',
  tag: 'emissions',
  body: z
    .object({
      level: z.enum(RECALC_LEVELS),
      id: z.string().min(1).max(64).optional().describe('Enterprise id; omitted (or `city`) for the city'),
      period: z.string().describe('Local month, 2026-11'),
      reason: z.string().trim().min(1).max(500).describe('Why: e.g. the corrected factor version'),
      accounting: z
        .enum(RECALC_ACCOUNTING)
        .default('as-logged')
        .describe('as-logged: only factor versions change; current: today’s method, programme and GWP set'),
    })
    .meta({ id: 'RecalculationRequest' }),
  response: RecalculationSchema,
  successStatus: 202,
  errorStatuses: [404, 409, 422],
});

export const getRecalculationRoute = defineRoute({
  id: 'getRecalculation',
  method: 'GET',
  path: '/recalculations/{id}',
  roles: ['admin'],
  summary: '重算进度与结果 A recalculation: progress, before, after, difference, per meter',
  tag: 'emissions',
  params: z.object({ id: z.string().min(1).max(80) }),
  response: RecalculationSchema,
  successStatus: 200,
  errorStatuses: [404],
});

export const RECALCULATION_ROUTES = [createRecalculationRoute, getRecalculationRoute] as const;
