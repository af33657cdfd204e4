import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import type { RouteContract } from '../../shared/contracts/route.ts';
import { routeKey } from '../../shared/contracts/route.ts';

/** A route template compiled to a matcher, ordered as API Gateway picks: literal, then {param}, then {proxy+}. */
export interface RouteMatcher<T> {
  route: RouteContract;
  target: T;
  match(method: string, path: string): Record<string, string> | undefined;
  specificity: number;
}

export const compileRoute = <T>(route: RouteContract, target: T): RouteMatcher<T> => {
  const names: string[] = [];
  let specificity = 0;
  const pattern = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)(\+?)\}$/.exec(segment);
      if (param === null) {
        specificity += 100;
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      names.push(param[1] ?? '');
      specificity += param[2] === '+' ? 1 : 10;
      return param[2] === '+' ? '(.+)' : '([^/]+)';
    })
    .join('/');
  const regex = new RegExp(`^${pattern}$`);
  return {
    route,
    target,
    specificity,
    match: (method, path) => {
      if (method !== route.method) return undefined;
      const found = regex.exec(path);
      if (found === null) return undefined;
      return Object.fromEntries(names.map((name, i) => [name, decodeParameter(name, found[i + 1] ?? '')]));
    },
  };
};

/** A path parameter whose % escapes do not decode (`/cases/%E0%A4%A`): API Gateway answers 400. */
export class MalformedPathError extends Error {
  readonly parameter: string;
  constructor(parameter: string) {
    super(`malformed percent-encoding in path parameter ${parameter}`);
    this.parameter = parameter;
  }
}

const decodeParameter = (name: string, raw: string): string => {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new MalformedPathError(name);
  }
};

/** The most specific route for the request; throws MalformedPathError for a parameter that does not decode. */
export const findRoute = <T>(matchers: readonly RouteMatcher<T>[], method: string, path: string) => {
  let best: { matcher: RouteMatcher<T>; params: Record<string, string> } | undefined;
  for (const matcher of matchers) {
    const params = matcher.match(method, path);
    if (params !== undefined && (best === undefined || matcher.specificity > best.matcher.specificity)) {
      best = { matcher, params };
    }
  }
  return best;
};

/**
 * The HTTP API JWT authorizer passes claims as strings, and arrays as "[a b]"; reproduce that so
 * handlers meet the same shapes locally as in the cloud.
 */
export const flattenClaims = (payload: JWTPayload): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value)
        ? `[${value.join(' ')}]`
        : typeof value === 'string'
          ? value
          : JSON.stringify(value),
    ]),
  );

const TEXT_TYPES = /^(text\/|application\/([\w.+-]*\+)?(json|xml)|application\/x-www-form-urlencoded)/i;

export interface IncomingRequest {
  method: string;
  path: string;
  rawQueryString: string;
  headers: Record<string, string>;
  body: Buffer;
  sourceIp: string;
  now: Date;
}

/** Builds the payload-format 2.0 event API Gateway's HTTP API would hand the Lambda. */
export const buildEvent = (
  request: IncomingRequest,
  route: RouteContract,
  params: Record<string, string>,
  claims: Record<string, string> | undefined,
): APIGatewayProxyEventV2 => {
  const query = new URLSearchParams(request.rawQueryString);
  const queryParams: Record<string, string> = {};
  for (const key of new Set(query.keys())) queryParams[key] = query.getAll(key).join(',');
  const isText = TEXT_TYPES.test(request.headers['content-type'] ?? '');
  const key = routeKey(route);
  return {
    version: '2.0',
    routeKey: key,
    rawPath: request.path,
    rawQueryString: request.rawQueryString,
    headers: request.headers,
    ...(request.headers.cookie === undefined ? {} : { cookies: request.headers.cookie.split(/;\s*/) }),
    ...(query.size === 0 ? {} : { queryStringParameters: queryParams }),
    ...(Object.keys(params).length === 0 ? {} : { pathParameters: params }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: request.headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: request.method,
        path: request.path,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: request.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: request.now.toUTCString(),
      timeEpoch: request.now.getTime(),
      ...(claims === undefined ? {} : { authorizer: { jwt: { claims, scopes: [] } } }),
    } as APIGatewayProxyEventV2['requestContext'],
    ...(request.body.length === 0
      ? {}
      : { body: isText ? request.body.toString('utf8') : request.body.toString('base64') }),
    isBase64Encoded: request.body.length > 0 && !isText,
  };
};
