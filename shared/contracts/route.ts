import type * as z from 'zod';
import type { Role } from '../domain/roles.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One HTTP route as data: the CDK API construct, the local gateway, the handler plumbing and the
 * OpenAPI generator all read the same object, so they cannot drift apart (docs/style.md, rule 2).
 */
export interface RouteContract<
  TBody extends z.ZodType | undefined = z.ZodType | undefined,
  TQuery extends z.ZodType | undefined = z.ZodType | undefined,
  TParams extends z.ZodType | undefined = z.ZodType | undefined,
  TResponse extends z.ZodType = z.ZodType,
> {
  /** Stable operation id, e.g. `createMediaUpload`. */
  id: string;
  method: HttpMethod;
  /** API Gateway path syntax: `/cases/{id}`, `/identifiers/{id+}`. */
  path: string;
  /** `public` routes skip the JWT authorizer; all others require one of these groups. */
  roles: readonly Role[] | 'public';
  /**
   * Also open to enterprise accounts (a principal naming its enterprise, no role): the handler then
   * limits what it does to that enterprise's own objects (docs/imports.md, "Who may import").
   */
  enterpriseAccounts?: true;
  summary: string;
  tag: string;
  body?: TBody;
  query?: TQuery;
  params?: TParams;
  response: TResponse;
  /** Status of a successful answer. */
  successStatus: 200 | 201 | 202 | 204;
  /** Error statuses worth documenting besides 400/401/403/500. */
  errorStatuses?: readonly number[];
  /**
   * `open311`: a route of the GeoReport v2 facade (docs/open311.md) — form-encoded bodies, XML or
   * JSON answers, errors as the spec's `[{code, description}]`, not problem+json.
   */
  protocol?: 'open311';
}

export const defineRoute = <
  TBody extends z.ZodType | undefined = undefined,
  TQuery extends z.ZodType | undefined = undefined,
  TParams extends z.ZodType | undefined = undefined,
  TResponse extends z.ZodType = z.ZodType,
>(
  route: RouteContract<TBody, TQuery, TParams, TResponse>,
): RouteContract<TBody, TQuery, TParams, TResponse> => route;

/**
 * A schema built on its first use, for a route's `response` (`get response() { return x(); }`): no
 * handler reads it (the OpenAPI document is generated ahead of time; tests check answers against it),
 * so a function need not build it, and the schemas only it uses, at every cold start.
 */
export { lazily } from '../domain/lazily.ts';

/** `GET /cases/{id}` — API Gateway's route key. */
export const routeKey = (route: Pick<RouteContract, 'method' | 'path'>): string =>
  `${route.method} ${route.path}`;

export const isPublicRoute = (route: Pick<RouteContract, 'roles'>): boolean => route.roles === 'public';
