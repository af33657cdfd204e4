import * as z from 'zod';
import { ECONOMIC_YEAR } from '../domain/registry/economics.ts';

/** An enterprise's yearly economic figures (shared/domain/registry/economics.ts), 万元 per year. */

/** 1e9 万元 is ten trillion yuan: beyond any one enterprise, so a larger figure is a typing slip. */
const MAX_10K_YUAN = 1e9;

const tenThousandYuan = (label: string) =>
  z
    .number({ error: `${label}须为数字，单位万元 (${label} must be a number, in 10 000 yuan)` })
    .positive({ error: `${label}须为正数 (must be positive)` })
    .max(MAX_10K_YUAN, { error: `${label}超出合理范围 (at most ${MAX_10K_YUAN} 万元)` });

export const YearEconomicsSchema = z
  .strictObject({
    outputValue: tenThousandYuan('工业总产值')
      .optional()
      .describe('工业总产值 Industrial output value, 万元'),
    valueAdded: tenThousandYuan('工业增加值').optional().describe('工业增加值 Industrial value added, 万元'),
  })
  .refine((year) => year.outputValue !== undefined || year.valueAdded !== undefined, {
    error: '至少填写工业总产值或工业增加值之一 (give the output value, the value added, or both)',
  })
  .meta({ id: 'YearEconomics' });

const YEAR_MESSAGE = '年份须为四位数字，如 2026 (the year must be four digits, e.g. 2026)';

// The year is checked after the record, not as its key schema: zod reports a failing key as a bare
// "Invalid key in record" and drops the key schema's message.
export const EconomicsSchema = z
  .record(z.string(), YearEconomicsSchema)
  .superRefine((economics, ctx) => {
    for (const year of Object.keys(economics)) {
      if (!ECONOMIC_YEAR.test(year)) ctx.addIssue({ code: 'custom', path: [year], message: YEAR_MESSAGE });
    }
  })
  .describe('年度经济数据 Yearly figures by calendar year, e.g. {"2026": {"valueAdded": 5000}}; 万元')
  .meta({ id: 'Economics' });
