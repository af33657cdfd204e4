import * as z from 'zod';
import { Open311ErrorsSchema } from './open311-schemas.ts';
import { PROBLEM_CONTENT_TYPE, problemSchema } from './problem.ts';
import { isPublicRoute, type RouteContract } from './route.ts';

type JsonObject = Record<string, unknown>;

/** Converts one zod schema, hoisting named schemas (`.meta({ id })`) into shared components. */
const toSchema = (schema: z.ZodType, components: JsonObject, io: 'input' | 'output'): JsonObject => {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
  const rewritten = JSON.parse(
    JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as JsonObject;
  const { $schema: _ignored, $defs, ...rest } = rewritten;
  Object.assign(components, ($defs as JsonObject | undefined) ?? {});
  return rest;
};

const DEFAULT_ERRORS: Record<number, string> = {
  400: 'The request does not match the contract; `errors` lists the failing fields',
  401: 'Missing, invalid or expired bearer token',
  403: 'The caller may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state (illegal transition or stale version)',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Well-formed but cannot be processed as asked',
  500: 'Internal error; details are in the logs, never in the answer',
};

/**
 * An operation of the Open311 facade (docs/open311.md): a form body, XML or JSON answers, and
 * errors as the GeoReport v2 array `[{code, description}]` in the same two formats.
 */
const open311Operation = (route: RouteContract, components: JsonObject): JsonObject => {
  const both = (schema: JsonObject) => ({ 'text/xml': { schema }, 'application/json': { schema } });
  const errors = both({ $ref: '#/components/schemas/Open311Errors' });
  const statuses = [400, ...(route.errorStatuses ?? []), 500];
  return {
    operationId: route.id,
    summary: route.summary,
    tags: [route.tag],
    security: [],
    parameters: [
      ...parameters(route.params, 'path', components),
      ...parameters(route.query, 'query', components),
    ],
    ...(route.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': { schema: toSchema(route.body, components, 'input') },
            },
          },
        }),
    responses: {
      [route.successStatus]: {
        description: 'Success (XML unless .json or format=json)',
        content: both(toSchema(route.response, components, 'output')),
      },
      ...Object.fromEntries(
        statuses.map((status) => [
          status,
          { description: OPEN311_ERRORS[status] ?? 'Error', content: errors },
        ]),
      ),
    },
  };
};

const OPEN311_ERRORS: Record<number, string> = {
  400: 'Invalid request (a more specific code may be in the body: 409, 413, 415, 422)',
  403: 'Missing, unknown or revoked api_key',
  404: 'No such service, request or token (private cases are not found either)',
  429: 'The api_key’s rate limit; Retry-After says when to try again',
  500: 'Internal error; details are in the logs',
};

const operation = (route: RouteContract, components: JsonObject): JsonObject => {
  if (route.protocol === 'open311') return open311Operation(route, components);
  const statuses = [400, ...(isPublicRoute(route) ? [] : [401, 403]), ...(route.errorStatuses ?? []), 500];
  const problem = {
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  return {
    operationId: route.id,
    summary: route.summary,
    tags: [route.tag],
    ...(isPublicRoute(route) ? { security: [] } : { 'x-roles': route.roles }),
    parameters: [
      ...parameters(route.params, 'path', components),
      ...parameters(route.query, 'query', components),
    ],
    ...(route.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(route.body, components, 'input') } },
          },
        }),
    responses: {
      [route.successStatus]: {
        description: 'Success',
        ...(route.successStatus === 204
          ? {}
          : { content: { 'application/json': { schema: toSchema(route.response, components, 'output') } } }),
      },
      ...Object.fromEntries(
        [...new Set(statuses)].map((status) => [
          status,
          { description: DEFAULT_ERRORS[status] ?? 'Error', ...problem },
        ]),
      ),
    },
  };
};

const parameters = (schema: z.ZodType | undefined, location: 'path' | 'query', components: JsonObject) => {
  if (schema === undefined) return [];
  type ObjectSchema = { $ref?: string; properties?: JsonObject; required?: string[] };
  const converted = toSchema(schema, components, 'input') as ObjectSchema;
  // A named params/query schema (`.meta({ id })`) comes back as a $ref: read its properties from the component.
  const json =
    converted.$ref === undefined
      ? converted
      : ((components[converted.$ref.split('/').at(-1) as string] as ObjectSchema | undefined) ?? {});
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
};

/** The OpenAPI 3.1 document of the API, generated from the same contracts the handlers enforce. */
export const buildOpenApiDocument = (
  routes: readonly RouteContract[],
  info: { version: string },
): JsonObject => {
  const components: JsonObject = {};
  toSchema(problemSchema(), components, 'output');
  toSchema(Open311ErrorsSchema, components, 'output');
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    // OpenAPI has no greedy parameters: `/identifiers/{id+}` is documented as `/identifiers/{id}`.
    const path = route.path.replace(/\{(\w+)\+\}/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route, components) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Qingshan 青山 API',
      version: info.version,
      description: 'City dual-carbon brain and environmental supervision. Errors are RFC 9457 problem+json.',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    security: [{ cognito: [] }],
  };
};
