import * as z from 'zod';

/**
 * What case-schemas.ts and case-comments.ts share: the comment functions reach only this, not the
 * ~30 schemas of the case record, its views, lists and timeline, which they would otherwise build at
 * every cold start (docs/performance.md, "Cold start").
 */
export const SIGNED_IN = ['deputy', 'handler', 'head', 'supervisor', 'admin'] as const;

export const CaseIdParamsSchema = z.object({ id: z.string().min(1).max(200) }).meta({ id: 'CaseIdParams' });
