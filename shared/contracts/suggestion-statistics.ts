/** Suggestion statistics over a filing period (heads: their own unit). */
import * as z from 'zod';
import { REPLY_CLASSES } from '../domain/suggestions/suggestion-vocabulary.ts';
import { defineRoute } from './route.ts';
import { localDate, TAG } from './suggestion-basics.ts';

export const SuggestionStatisticsQuerySchema = z
  .object({
    from: z.iso.date().describe('First local date of filing (inclusive)'),
    to: z.iso.date().describe('Last local date of filing (inclusive)'),
    unit: z.string().min(1).max(200).optional().describe('Only this lead unit; a head always gets their own'),
  })
  .refine((query) => query.from <= query.to, {
    path: ['to'],
    message: '不能早于 from (must not be before from)',
  });

const rate = z.number().min(0).max(1).nullable();
const FiguresSchema = z.object({
  count: z.number().int(),
  assigned: z.number().int(),
  replied: z.number().int(),
  repliedOnTime: z.number().int(),
  onTimeRate: rate,
  byClass: z.object(Object.fromEntries(REPLY_CLASSES.map((c) => [c, z.number().int()]))),
  satisfaction: z.object({
    rated: z.number().int(),
    satisfied: z.number().int(),
    basicallySatisfied: z.number().int(),
    unsatisfied: z.number().int(),
    satisfactionRate: rate,
  }),
  rehandled: z.number().int(),
  keySupervision: z.object({ count: z.number().int(), replied: z.number().int(), closed: z.number().int() }),
});

export const SuggestionStatisticsSchema = z
  .object({
    from: localDate,
    to: localDate,
    unit: z.string().optional(),
    overall: FiguresSchema,
    units: z.array(FiguresSchema.extend({ unitId: z.string() })),
  })
  .meta({ id: 'SuggestionStatistics' });

export const getSuggestionStatisticsRoute = defineRoute({
  id: 'getSuggestionStatistics',
  method: 'GET',
  path: '/suggestions/statistics',
  roles: ['head', 'supervisor', 'admin'],
  summary:
    'Handling statistics (办理情况统计) of the suggestions filed in a period, overall and per lead unit',
  tag: TAG,
  query: SuggestionStatisticsQuerySchema,
  response: SuggestionStatisticsSchema,
  successStatus: 200,
});
