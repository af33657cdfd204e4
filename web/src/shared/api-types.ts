import type * as z from 'zod';
import type { RouteContract } from '../../../shared/contracts/route.ts';

/**
 * The request and response types of a route, read from its zod contract (type-only imports: no zod
 * and no contract code reach the bundle). A contract change that breaks the client fails
 * `npm run typecheck`.
 */
export type ResponseOf<R> =
  R extends RouteContract<infer _B, infer _Q, infer _P, infer T> ? z.output<T> : never;
export type BodyOf<R> =
  R extends RouteContract<infer B, infer _Q, infer _P, infer _T>
    ? B extends z.ZodType
      ? z.input<B>
      : never
    : never;
export type QueryOf<R> =
  R extends RouteContract<infer _B, infer Q, infer _P, infer _T>
    ? Q extends z.ZodType
      ? z.input<Q>
      : never
    : never;
