import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from './problem.ts';
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

const operation = (route: RouteContract, components: JsonObject): JsonObject => {
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
  toSchema(ProblemSchema, components, 'output');
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
