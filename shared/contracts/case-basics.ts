import * as z from 'zod';

/**
 * What case-schemas.ts shares with case-comments.ts and case-indicators.ts: the comment and indicator
 * functions reach only this, not the case routes' request schemas (the submission payload, list
 * filters, transitions), which they would otherwise build at every cold start (docs/performance.md,
 * "Cold start").
 */
export const SIGNED_IN = ['deputy', 'handler', 'head', 'supervisor', 'admin'] as const;

export const CaseIdParamsSchema = z.object({ id: z.string().min(1).max(200) }).meta({ id: 'CaseIdParams' });

export const instantOrLocalDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .describe('An ISO instant, or a local date (a whole day in the deployment time zone)');
