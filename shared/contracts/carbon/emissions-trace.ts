import * as z from 'zod';
import { GRANULARITIES, ROLLUP_LEVELS } from '../../domain/carbon/rollups/rollup-model.ts';
import { defineRoute, lazily } from '../route.ts';
import { FiguresSchema, LevelIdQuery, STAFF } from './emissions-figures.ts';

/**
 * GET /emissions/trace: one figure back to its factor versions, batches, readings and identifiers.
 * The answer's schemas are built on first use (route.ts, `lazily`): no handler reads them, and the
 * series and rankings functions reach this module through EMISSIONS_ROUTES.
 */
const traceSchema = lazily(() => {
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

  return z
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
            method: z
              .string()
              .optional()
              .describe('gbt-32150 (combustion CO2 only) or ipcc-2006 (all gases)'),
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
});

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
  get response() {
    return traceSchema();
  },
  successStatus: 200,
  errorStatuses: [404, 422],
});
