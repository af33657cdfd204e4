import * as z from 'zod';

/**
 * What suggestion-schemas.ts and suggestion-statistics.ts share, apart from the suggestion's own
 * schemas: the statistics function reaches only this, and so does not build the ~40 schemas of the
 * record, its views and timeline at a cold start (docs/performance.md, "Cold start").
 */
export const TAG = 'suggestions';

export const localDate = z.string().describe('Local date YYYY-MM-DD in the deployment time zone');
