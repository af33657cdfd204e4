import * as z from 'zod';
import { GRANULARITIES, ROLLUP_LEVELS } from '../../domain/carbon/rollups/rollup-model.ts';
import { ROLES } from '../../domain/roles.ts';
import { GeoPointSchema } from '../registry-common.ts';
import { defineRoute, lazily } from '../route.ts';
import { FiguresSchema, LevelIdQuery, STAFF } from './emissions-figures.ts';
import { traceEmissionsRoute } from './emissions-trace.ts';

/** Emission series and rankings; the shared figures and the trace have their own modules. */
export { STAFF } from './emissions-figures.ts';
export { traceEmissionsRoute } from './emissions-trace.ts';

export const EmissionsQuerySchema = z
  .object({
    ...LevelIdQuery,
    from: z
      .string()
      .min(4)
      .max(40)
      .describe('YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH (local) or an ISO instant'),
    to: z.string().min(4).max(40).describe('Inclusive; a coarse bound covers its whole period'),
    granularity: z.enum(GRANULARITIES),
  })
  .meta({ id: 'EmissionsQuery' });

const emissionSeriesSchema = lazily(() => {
  return z
    .object({
      level: z.enum(ROLLUP_LEVELS),
      id: z.string(),
      name: z.string().optional(),
      handle: z.string().optional(),
      granularity: z.enum(GRANULARITIES),
      timeZone: z.string(),
      units: z.object({
        emissions: z.literal('tCO2e'),
        gases: z.literal('t'),
        energy: z.literal('tce'),
        quantities: z
          .record(z.string(), z.string())
          .describe('The canonical unit of each energy type: kWh, Nm3, t, GJ, tCO2e'),
      }),
      minimumEnterprises: z
        .number()
        .int()
        .optional()
        .describe(
          '最少企业数 Set for those who may not read enterprise data: cells of fewer enterprises are merged into `other`',
        ),
      series: z
        .array(FiguresSchema.extend({ period: z.string() }))
        .describe('Every period, zeros where none'),
      totals: FiguresSchema,
      breakdowns: z.object({
        byScope: z.array(z.object({ scope: z.string(), tCO2e: z.number(), share: z.number() })),
        byEnergyType: z.array(
          z.object({
            energyType: z.string(),
            tCO2e: z.number(),
            share: z.number(),
            quantity: z.number().optional(),
            unit: z.string().optional(),
            tce: z.number(),
            tceShare: z.number().describe('Share of the total tce'),
          }),
        ),
        byGas: z.array(z.object({ gas: z.string(), tonnes: z.number() })),
      }),
    })
    .meta({ id: 'EmissionSeries' });
});

export const getEmissionsRoute = defineRoute({
  id: 'getEmissions',
  method: 'GET',
  path: '/emissions',
  roles: ROLES,
  summary:
    '碳排放序列 Emission series with totals and breakdowns (tCO2e). Supervisors/admins: any level; others: city only (403)',
  tag: 'emissions',
  query: EmissionsQuerySchema,
  get response() {
    return emissionSeriesSchema();
  },
  successStatus: 200,
  errorStatuses: [404, 422],
});

const RANKING_METRICS = ['co2e', 'tce', 'intensity'] as const;

/** The answers' schemas are built on first use (route.ts, `lazily`): no handler reads them. */
const rankingSchema = lazily(() => {
  const BudgetUseSchema = z.object({
    period: z.string(),
    metric: z.enum(['co2e', 'tce']),
    limitTonnes: z.number().describe('tCO2e or tce, as metric says'),
    warningRatio: z.number(),
    use: z.number().describe('total / limit (1 = the whole budget)'),
  });

  const IntensitySchema = z.object({
    tCO2ePer10kYuan: z.number().describe('排放强度 Location-based tCO2e per 万元'),
    basis: z
      .enum(['valueAdded', 'outputValue'])
      .describe('valueAdded: 工业增加值; outputValue: 工业总产值, when the year has no value added'),
    year: z.string().describe('The year whose figure was used'),
    denominator10kYuan: z
      .number()
      .describe('万元 of the period: the year figure, or a twelfth of it for a month'),
  });

  return z
    .object({
      level: z.enum(['enterprise', 'industry', 'meter']),
      period: z.string(),
      granularity: z.enum([...GRANULARITIES, 'year']).describe('year: intensity rankings only'),
      metric: z.enum(RANKING_METRICS).describe('What the rank is by'),
      units: z.object({
        emissions: z.literal('tCO2e'),
        energy: z.literal('tce'),
        intensity: z.literal('tCO2e/万元').optional(),
      }),
      entities: z.number().int().describe('How many entities were ranked'),
      withoutEconomics: z
        .number()
        .int()
        .optional()
        .describe(
          'metric=intensity: enterprises left out, having no output value or value added for the year (无产值数据)',
        ),
      items: z.array(
        z.object({
          rank: z.number().int(),
          id: z.string(),
          name: z.string().optional(),
          co2eT: z.number(),
          co2eMarketT: z.number(),
          tce: z.number().describe('能耗 Energy consumption, tce'),
          intensity: IntensitySchema.optional().describe(
            'metric=intensity: the rank key and what it is over',
          ),
          budget: BudgetUseSchema.optional().describe(
            'The month budget of the ranked metric, when one exists',
          ),
          industryCode: z.string().optional().describe('include=registry, enterprises: GB/T 4754 class'),
          location: GeoPointSchema.optional().describe(
            'include=registry, enterprises: where it is, when registered (WGS-84)',
          ),
        }),
      ),
    })
    .meta({ id: 'EmissionRanking' });
});

export const getEmissionRankingsRoute = defineRoute({
  id: 'getEmissionRankings',
  method: 'GET',
  path: '/emissions/rankings',
  roles: STAFF,
  summary: '排放排名 Top emitters (tCO2e) or energy users (tce) of one hour, day or month, with budget use',
  tag: 'emissions',
  query: z.object({
    level: z.enum(['enterprise', 'industry', 'meter']),
    period: z
      .string()
      .describe(
        '2026-11 (month), 2026-11-28 (day) or 2026-11-28T09 (hour), local time; 2026 (year) for intensity',
      ),
    metric: z
      .enum(RANKING_METRICS)
      .default('co2e')
      .describe(
        'Rank by location-based tCO2e (default), by energy consumption in tce, or by intensity: tCO2e per 万元 of value added (else output value), enterprises, a month or a year (docs/intensity.md)',
      ),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(10)
      .describe('Rows returned; every entity is read whatever the limit, so a whole level fits in one call'),
    include: z
      .enum(['registry'])
      .optional()
      .describe(
        'registry: enterprise rows also carry industryCode and location (the district map: figures and places in one call)',
      ),
  }),
  get response() {
    return rankingSchema();
  },
  successStatus: 200,
  errorStatuses: [422],
});

export const EMISSIONS_ROUTES = [getEmissionsRoute, getEmissionRankingsRoute, traceEmissionsRoute] as const;
