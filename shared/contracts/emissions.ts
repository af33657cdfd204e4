import { z } from 'zod';
import { GRANULARITIES, ROLLUP_LEVELS } from '../domain/emissions/rollup-model.ts';
import { ROLES } from '../domain/roles.ts';
import { GeoPointSchema } from './registry-common.ts';
import { defineRoute } from './route.ts';

/**
 * Emissions, rankings, trace, budgets and alerts (issues 3 and 4). Who sees what:
 * - supervisors (人大工作人员) and admins see every level;
 * - deputies, handlers and heads see the city-wide aggregate only: an enterprise's data is not
 *   public, and an industry aggregate can expose a single enterprise. Within the city, a breakdown
 *   cell of fewer than 3 enterprises is merged into `other` for them (domain/emissions/
 *   minimum-count.ts), and `minimumEnterprises` says so. Any other level answers 403,
 *   decided by role and level alone, so the answer reveals nothing about the id asked for;
 * - an enterprise or meter id the registry does not know answers 404 (to those who may look).
 */
export const STAFF = ['supervisor', 'admin'] as const;

const FiguresSchema = z.object({
  co2eT: z.number().describe('Location-based total, tCO2e'),
  co2eMarketT: z.number().describe('Market-based total (contracted green power at zero), tCO2e'),
  scope1T: z.number().optional().describe('Absent when withheld under the minimum-count rule'),
  scope2LocationT: z.number().optional(),
  scope2MarketT: z.number().optional(),
  withheld: z
    .array(z.enum(['scope1T', 'scope2LocationT', 'scope2MarketT']))
    .optional()
    .describe('Scope figures withheld: one of them is filled by fewer than minimumEnterprises enterprises'),
  energyTypes: z
    .record(z.string(), z.number())
    .describe(
      'tCO2e per energy type (location-based); `other` (其他) merges the types of fewer than minimumEnterprises enterprises',
    ),
  gases: z
    .record(z.string(), z.number())
    .describe('Gas mass in tonnes (not CO2e); `other` as for energy types'),
  quantities: z
    .record(z.string(), z.object({ value: z.number(), unit: z.string().optional() }))
    .describe('Activity per energy type in its canonical unit (units.quantities); none for `other`'),
  tce: z
    .number()
    .describe(
      '能耗 Energy consumption in tonnes of standard coal equivalent (GB/T 2589; electricity at its calorific equivalent 0.1229 kgce/kWh)',
    ),
  tceByEnergyType: z
    .record(z.string(), z.number())
    .describe('tce per energy type; `other` as for energy types'),
  readings: z
    .number()
    .int()
    .describe(
      '读数条数 Readings accepted in the period. Cumulative register: one per instant newly held — the first (origin) reading included though it has no quantity; repeats, conflicts and redelivered messages excluded',
    ),
  batches: z.number().int().describe('消息数 Messages that contributed to the period'),
});

const LevelIdQuery = {
  level: z.enum(ROLLUP_LEVELS),
  id: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Enterprise id, meter id or GB/T 4754 class code; omitted (or `city`) for the city'),
};

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

export const EmissionSeriesSchema = z
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
    series: z.array(FiguresSchema.extend({ period: z.string() })).describe('Every period, zeros where none'),
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

export const getEmissionsRoute = defineRoute({
  id: 'getEmissions',
  method: 'GET',
  path: '/emissions',
  roles: ROLES,
  summary:
    '碳排放序列 Emission series with totals and breakdowns (tCO2e). Supervisors/admins: any level; others: city only (403)',
  tag: 'emissions',
  query: EmissionsQuerySchema,
  response: EmissionSeriesSchema,
  successStatus: 200,
  errorStatuses: [404, 422],
});

const BudgetUseSchema = z.object({
  period: z.string(),
  metric: z.enum(['co2e', 'tce']),
  limitTonnes: z.number().describe('tCO2e or tce, as metric says'),
  warningRatio: z.number(),
  use: z.number().describe('total / limit (1 = the whole budget)'),
});

export const RankingSchema = z
  .object({
    level: z.enum(['enterprise', 'industry', 'meter']),
    period: z.string(),
    granularity: z.enum(GRANULARITIES),
    metric: z.enum(['co2e', 'tce']).describe('What the rank is by'),
    units: z.object({ emissions: z.literal('tCO2e'), energy: z.literal('tce') }),
    entities: z.number().int().describe('How many entities were ranked'),
    items: z.array(
      z.object({
        rank: z.number().int(),
        id: z.string(),
        name: z.string().optional(),
        co2eT: z.number(),
        co2eMarketT: z.number(),
        tce: z.number().describe('能耗 Energy consumption, tce'),
        budget: BudgetUseSchema.optional().describe('The month budget of the ranked metric, when one exists'),
        industryCode: z.string().optional().describe('include=registry, enterprises: GB/T 4754 class'),
        location: GeoPointSchema.optional().describe(
          'include=registry, enterprises: where it is, when registered (WGS-84)',
        ),
      }),
    ),
  })
  .meta({ id: 'EmissionRanking' });

export const getEmissionRankingsRoute = defineRoute({
  id: 'getEmissionRankings',
  method: 'GET',
  path: '/emissions/rankings',
  roles: STAFF,
  summary: '排放排名 Top emitters (tCO2e) or energy users (tce) of one hour, day or month, with budget use',
  tag: 'emissions',
  query: z.object({
    level: z.enum(['enterprise', 'industry', 'meter']),
    period: z.string().describe('2026-11 (month), 2026-11-28 (day) or 2026-11-28T09 (hour), local time'),
    metric: z
      .enum(['co2e', 'tce'])
      .default('co2e')
      .describe('Rank by location-based tCO2e (default) or by energy consumption in tce'),
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
  response: RankingSchema,
  successStatus: 200,
  errorStatuses: [422],
});

const TonnesSchema = z.object({ co2eT: z.number(), co2eMarketT: z.number(), tce: z.number() });
const StepSchema = z.object({ label: z.string(), value: z.number(), unit: z.string() });

/** How a batch's figures were made, replayed with the factor versions it names. */
const ExplanationSchema = z
  .union([
    z.object({
      replayed: z.literal(true),
      method: z.string(),
      gwpSet: z.object({
        id: z.string(),
        values: z
          .record(z.string(), z.number())
          .describe('GWP100 per gas: CO2, CH4-fossil, CH4-non-fossil, N2O'),
        source: z.string(),
        contentHash: z.string(),
      }),
      programmes: z.object({
        location: z.object({ id: z.string(), name: z.string() }).optional(),
        market: z.object({ id: z.string(), name: z.string() }).optional(),
      }),
      factors: z
        .array(
          z.object({
            role: z.string(),
            ref: z.string(),
            reason: z
              .string()
              .describe('exact, earlier-year, regional-fallback, national-fallback, default-fallback'),
            reasonText: z.string().describe('zh-CN with English'),
            selection: z.object({
              requestedRegion: z.string(),
              requestedYear: z.number(),
              chosenRegion: z.string(),
              chosenYear: z.number(),
              reason: z.string(),
            }),
            verification: z.string(),
            record: z.object({}).passthrough().describe('The factor record as used'),
          }),
        )
        .describe('Every factor the batch used, why it was chosen, and its record'),
      measuredParameters: z
        .array(
          z.object({
            parameter: z.string(),
            value: z.number(),
            unit: z.string(),
            validFrom: z.string(),
            validTo: z.string(),
            source: z.string(),
            engineValue: z.number(),
            engineUnit: z.string(),
            replaces: z.string().optional().describe('The library default it replaced'),
            reasonText: z.string(),
          }),
        )
        .describe('实测值 that replaced defaults (reasonText says which)'),
      parts: z.array(
        z.object({
          ts: z.string(),
          quantity: z.number(),
          unit: z.string(),
          sign: z.number(),
          co2eT: z.number(),
          tce: z.number(),
          matchesStored: z.boolean().describe('The replay gives back the figure stored (to the milligram)'),
          location: z.object({
            programme: z.string().nullable(),
            co2eT: z.number(),
            steps: z.array(StepSchema),
          }),
          market: z
            .object({ programme: z.string().nullable(), co2eT: z.number(), steps: z.array(StepSchema) })
            .optional(),
        }),
      ),
    }),
    z.object({ replayed: z.literal(false), problem: z.string() }),
  ])
  .describe('Each part of the figure, step by step (activity × NCV × CC × OF × 44/12 …, GWP values)');

export const TraceSchema = z
  .object({
    level: z.enum(ROLLUP_LEVELS),
    id: z.string(),
    handle: z.string().optional(),
    granularity: z.enum(GRANULARITIES),
    period: z.string(),
    utcRange: z.object({ start: z.string(), end: z.string() }),
    figure: FiguresSchema,
    factors: z.array(
      z.object({
        ref: z.string().describe('As stored on the rollup: factor id@version, or a GWP set'),
        resolved: z.boolean(),
        kind: z.enum(['factor', 'gwp']).optional(),
        handle: z.string().optional(),
        hashVerified: z.boolean().optional().describe('The ref’s content hash equals the record’s'),
        record: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
    meters: z
      .array(
        z.object({
          meterId: z.string(),
          handle: z.string().optional(),
          co2eT: z.number(),
          readings: z.number(),
        }),
      )
      .describe('Meters whose rollup for the period is non-zero'),
    enterprises: z
      .array(z.object({ enterpriseId: z.string(), name: z.string(), handle: z.string() }))
      .describe('The enterprises of those meters, with their industrial-internet identifiers'),
    batches: z
      .array(
        z.object({
          meterId: z.string(),
          hour: z.string().describe('Local hour of the meter-hour item the entry is logged on'),
          messageId: z.string(),
          handle: z.string().optional().describe('The readings batch identifier'),
          receivedAt: z.string().optional(),
          readingCount: z.number().int(),
          co2eT: z.number(),
          factorRefs: z.array(z.string()),
          gwpSet: z.string().optional(),
          method: z.string().optional().describe('gbt-32150 (combustion CO2 only) or ipcc-2006 (all gases)'),
          programme: z.string().optional().describe('Grid programme of the location-based figure'),
          marketProgramme: z.string().optional().describe('Grid programme of the market-based figure'),
          tce: z.number().optional().describe('Energy consumption, tce (GB/T 2589)'),
          measuredParameters: z.array(z.unknown()).optional().describe('实测值 used instead of defaults'),
          activity: z
            .object({
              energyType: z.string(),
              unit: z.string(),
              gridRegion: z.string().optional(),
              greenPower: z.boolean().optional(),
            })
            .optional()
            .describe('The meter as it was accounted'),
          correction: z.boolean().describe('A late reading re-split an interval accounted earlier'),
          readings: z.array(z.unknown()),
          deltas: z.array(z.unknown()),
          source: z
            .object({
              kind: z.literal('import'),
              importId: z.string(),
              fileName: z.string(),
              row: z.number().int().describe('Line in the file (header = 1)'),
              uploadedBy: z.string(),
              uploadedAt: z.string(),
              accountId: z.string(),
              period: z.string(),
              previousValue: z.number().optional().describe('Value in force before (account meter unit)'),
              value: z.number().optional().describe('Value in force after'),
              change: z.enum(['new', 'correction', 'withdrawal']),
            })
            .optional()
            .describe('Imported activity (docs/imports.md): the file, row, uploader and time it came from'),
          explanation: ExplanationSchema,
        }),
      )
      .describe("Each message's part in each meter hour of the period"),
    recalculations: z
      .array(
        z.object({
          meterId: z.string(),
          hour: z.string(),
          id: z.string(),
          at: z.string(),
          accounting: z.string(),
          before: TonnesSchema,
          after: TonnesSchema,
          difference: TonnesSchema,
          previousRefs: z.array(z.string()),
          factorRefs: z.array(z.string()).describe('The versions the figure rests on since'),
        }),
      )
      .describe('Recalculations of the meter hours shown: the figure before and after, never silently'),
    recalculationRuns: z
      .array(
        z.object({
          id: z.string(),
          scope: z.object({ level: z.string(), id: z.string() }),
          status: z.string(),
          reason: z.string(),
          accounting: z.string(),
          createdAt: z.string(),
          finishedAt: z.string().optional(),
        }),
      )
      .describe('Recalculations of this month whose scope reaches the figure (GET /recalculations/{id})'),
    cursor: z.string().optional().describe('More batches follow: pass it back as `cursor`'),
  })
  .meta({ id: 'EmissionTrace' });

export const traceEmissionsRoute = defineRoute({
  id: 'traceEmissions',
  method: 'GET',
  path: '/emissions/trace',
  roles: STAFF,
  summary: '排放溯源 Trace one figure to its factor versions, readings batches and identifiers',
  tag: 'emissions',
  query: z.object({
    ...LevelIdQuery,
    period: z.string().describe('The figure: 2026-11, 2026-11-28 or 2026-11-28T09 (local)'),
    granularity: z.enum(GRANULARITIES).optional().describe('Must match the period when given'),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('Batches per page'),
    cursor: z.string().max(2000).optional(),
  }),
  response: TraceSchema,
  successStatus: 200,
  errorStatuses: [404, 422],
});

export const EMISSIONS_ROUTES = [getEmissionsRoute, getEmissionRankingsRoute, traceEmissionsRoute] as const;
