import { z } from 'zod';
import { ROLLUP_LEVELS } from '../../domain/carbon/rollups/rollup-model.ts';

/**
 * Emissions, rankings, trace, budgets and alerts (issues 3 and 4): the parts the emission series
 * (emissions.ts) and the trace (emissions-trace.ts) share. Who sees what:
 * - supervisors (人大工作人员) and admins see every level;
 * - deputies, handlers and heads see the city-wide aggregate only: an enterprise's data is not
 *   public, and an industry aggregate can expose a single enterprise. Within the city, a breakdown
 *   cell of fewer than 3 enterprises is merged into `other` for them (domain/emissions/
 *   minimum-count.ts), and `minimumEnterprises` says so. Any other level answers 403,
 *   decided by role and level alone, so the answer reveals nothing about the id asked for;
 * - an enterprise or meter id the registry does not know answers 404 (to those who may look).
 */
export const STAFF = ['supervisor', 'admin'] as const;

/** The figures of one period, or of a whole range: series, totals and traces share them. */
export const FiguresSchema = z.object({
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

/** Which rollup: the level, and the entity within it (none for the city). */
export const LevelIdQuery = {
  level: z.enum(ROLLUP_LEVELS),
  id: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Enterprise id, meter id or GB/T 4754 class code; omitted (or `city`) for the city'),
};
