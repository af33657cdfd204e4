import * as z from 'zod';
import { lazily } from './route.ts';

/**
 * RFC 9457 problem details, with the failing fields of a 400 in `errors`. Built on first use: the
 * handlers only write problems (functions/middleware/problem.ts); the OpenAPI document and the tests
 * read the schema (route.ts, `lazily`).
 */
export const problemSchema = lazily(() =>
  z
    .object({
      type: z.string().describe('URI reference naming the problem type'),
      title: z.string(),
      status: z.number().int(),
      detail: z.string().optional(),
      instance: z.string().optional(),
      errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    })
    .meta({ id: 'Problem' }),
);
export type Problem = z.infer<ReturnType<typeof problemSchema>>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://qingshan.example/problems/';
