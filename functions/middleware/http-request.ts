import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod';
import type { RouteContract } from '../../shared/contracts/route.ts';
import {
  type FieldError,
  ForbiddenError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../shared/domain/errors.ts';
import { hasAnyRole, type Principal } from '../../shared/domain/roles.ts';
import { type AuthorizedEventShape, principalFromEvent } from './principal.ts';
import { fieldErrorsFromZod } from './problem.ts';

/** JSON bodies of this API are small; media never pass through it (they go straight to S3). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** The parsed type of an optional contract part (`undefined` when the route has none). */
type Infer<T> = [NonNullable<T>] extends [never]
  ? undefined
  : NonNullable<T> extends z.ZodType
    ? z.output<NonNullable<T>>
    : undefined;

export interface HttpRequest<R extends RouteContract> {
  body: Infer<R['body']>;
  query: Infer<R['query']>;
  params: Infer<R['params']>;
  /** Absent only on public routes. */
  principal: R['roles'] extends 'public' ? Principal | undefined : Principal;
  headers: Readonly<Record<string, string | undefined>>;
  requestId: string;
}

/** Identity, role, then input: each failure maps to its own status (401, 403, 413, 415, 400). */
export const parseHttpRequest = <R extends RouteContract>(
  route: R,
  event: APIGatewayProxyEventV2,
): HttpRequest<R> => {
  const principal = authorize(route, event);
  const errors: FieldError[] = [];
  // Every part is checked before refusing, so one answer names all the failing fields.
  const params = parsePart(route.params, event.pathParameters ?? {}, '/path', errors);
  const query = parsePart(route.query, event.queryStringParameters ?? {}, '/query', errors);
  const body =
    route.body === undefined ? undefined : parsePart(route.body, readJsonBody(event), '/body', errors);
  if (errors.length > 0)
    throw new ValidationError('请求不符合接口约定 (the request does not match the contract)', errors);
  return {
    body: body as Infer<R['body']>,
    query: query as Infer<R['query']>,
    params: params as Infer<R['params']>,
    principal: principal as HttpRequest<R>['principal'],
    headers: event.headers ?? {},
    requestId: event.requestContext.requestId,
  };
};

const authorize = (route: RouteContract, event: APIGatewayProxyEventV2): Principal | undefined => {
  if (route.roles === 'public') return undefined;
  const principal = principalFromEvent(event as unknown as AuthorizedEventShape);
  const enterpriseAccount = route.enterpriseAccounts === true && principal.enterpriseId !== undefined;
  if (!enterpriseAccount && !hasAnyRole(principal, route.roles)) {
    throw new ForbiddenError(
      `此操作需要以下角色之一：${route.roles.join('、')} (this operation needs one of the roles: ${route.roles.join(', ')})`,
    );
  }
  return principal;
};

const parsePart = (
  schema: z.ZodType | undefined,
  value: unknown,
  prefix: string,
  errors: FieldError[],
): unknown => {
  if (schema === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  errors.push(...fieldErrorsFromZod(result.error, prefix));
  return undefined;
};

/** Size, media type and syntax of a JSON body; each has its own status (413, 415, 400). */
const readJsonBody = (event: APIGatewayProxyEventV2): unknown => {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_JSON_BODY_BYTES) {
    throw new PayloadTooLargeError(
      `请求体（JSON）最多 ${MAX_JSON_BODY_BYTES} 字节 (the JSON body may be at most ${MAX_JSON_BODY_BYTES} bytes)`,
    );
  }
  const contentType = event.headers?.['content-type'] ?? '';
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    throw new UnsupportedMediaTypeError('请求体须为 application/json (send the body as application/json)');
  }
  if (text.trim() === '') {
    const message = '缺少 JSON 请求体 (a JSON body is required)';
    throw new ValidationError(message, [{ path: '/body', message }]);
  }
  try {
    return JSON.parse(text);
  } catch {
    const message = '请求体不是有效的 JSON (the body is not valid JSON)';
    throw new ValidationError(message, [{ path: '/body', message }]);
  }
};
