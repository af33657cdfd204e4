import * as z from 'zod';
import {
  jurisdiction,
  Open311CreatedSchema,
  Open311DiscoverySchema,
  Open311ServiceDefinitionSchema,
  Open311ServiceRequestSchema,
  Open311ServiceSchema,
  Open311SubmitFormSchema,
  Open311TokenSchema,
  text,
} from './open311-schemas.ts';
import { defineRoute, type RouteContract } from './route.ts';

/**
 * The Open311 GeoReport v2 facade (docs/open311.md). Every resource answers in XML (the spec's
 * required format) or JSON: a `.xml`/`.json` suffix, else the `format` parameter, else XML. The
 * collection resources are three literal routes each (`/services`, `/services.xml`,
 * `/services.json`: API Gateway parameters are whole path segments); a resource with an id carries
 * the suffix in its parameter (`/services/noise.json`). All are public at the gateway: GETs need no
 * key, and a POST's `api_key` travels in its form body, which no authorizer can read — the handler
 * checks it. The JSON documents are described in open311-schemas.ts; the XML is their Spark mapping.
 */

export const OPEN311_BASE = '/open311/v2';

const format = z.enum(['xml', 'json']).optional().describe('Used when the path has no .xml/.json suffix');

interface Resource {
  id: string;
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  query?: z.ZodType;
  params?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  successStatus: 200 | 201;
  errorStatuses: readonly number[];
}

const route = (resource: Resource, suffix: '' | '.xml' | '.json' = ''): RouteContract =>
  defineRoute({
    ...resource,
    id: `${resource.id}${suffix === '' ? '' : suffix === '.xml' ? 'Xml' : 'Json'}`,
    path: `${OPEN311_BASE}${resource.path}${suffix}`,
    roles: 'public',
    tag: 'open311',
    protocol: 'open311',
  });

/** A collection resource in its three spellings: bare (XML), `.xml`, `.json`. */
const variants = (resource: Resource): RouteContract[] =>
  (['', '.xml', '.json'] as const).map((suffix) => route(resource, suffix));

const idParams = (name: string) =>
  z.object({ [name]: z.string().min(1).max(210).describe('With an optional .xml or .json suffix') });

export const OPEN311_DISCOVERY_ROUTES = variants({
  id: 'open311Discovery',
  method: 'GET',
  path: '/discovery',
  summary: 'Open311 service discovery: endpoint, formats, how to get a key',
  query: z.object({ format }),
  response: Open311DiscoverySchema,
  successStatus: 200,
  errorStatuses: [],
});

export const OPEN311_SERVICE_LIST_ROUTES = variants({
  id: 'open311ListServices',
  method: 'GET',
  path: '/services',
  summary: 'GeoReport v2 services: the 随手拍 categories',
  query: z.object({ jurisdiction_id: jurisdiction, format }),
  response: z.array(Open311ServiceSchema),
  successStatus: 200,
  errorStatuses: [],
});

export const open311ServiceDefinitionRoute = route({
  id: 'open311GetServiceDefinition',
  method: 'GET',
  path: '/services/{code}',
  summary: 'GeoReport v2 service definition: the attributes a service takes',
  query: z.object({ jurisdiction_id: jurisdiction, format }),
  response: Open311ServiceDefinitionSchema,
  successStatus: 200,
  errorStatuses: [404],
  params: idParams('code'),
});

export const OPEN311_SUBMIT_ROUTES = variants({
  id: 'open311SubmitRequest',
  method: 'POST',
  path: '/requests',
  summary: 'GeoReport v2: report a problem as a public 随手拍 case (form-encoded, api_key required)',
  body: Open311SubmitFormSchema,
  response: Open311CreatedSchema,
  successStatus: 201,
  errorStatuses: [403, 404, 429],
});

export const OPEN311_REQUEST_LIST_ROUTES = variants({
  id: 'open311ListRequests',
  method: 'GET',
  path: '/requests',
  summary: 'GeoReport v2: public cases by ids, or by service, status and a range of at most 90 days',
  query: z.object({
    service_request_id: text('Comma-separated ids (up to 100); overrides every other parameter'),
    service_code: text('Comma-separated service codes'),
    start_date: text('w3 date-time with its zone; default: 90 days before end_date'),
    end_date: text('w3 date-time with its zone; default: now, or 90 days after start_date'),
    status: text('open, closed, or both comma-separated'),
    jurisdiction_id: jurisdiction,
    format,
  }),
  response: z.array(Open311ServiceRequestSchema),
  successStatus: 200,
  errorStatuses: [],
});

export const open311RequestRoute = route({
  id: 'open311GetRequest',
  method: 'GET',
  path: '/requests/{id}',
  summary: 'GeoReport v2: one public case (404 for a private or unknown one)',
  query: z.object({ jurisdiction_id: jurisdiction, format }),
  response: z.array(Open311ServiceRequestSchema),
  successStatus: 200,
  errorStatuses: [404],
  params: idParams('id'),
});

export const open311TokenRoute = route({
  id: 'open311GetToken',
  method: 'GET',
  path: '/tokens/{token}',
  summary: 'GeoReport v2 tokens: every service here is realtime, so a token is the request id itself',
  query: z.object({ jurisdiction_id: jurisdiction, format }),
  response: Open311TokenSchema,
  successStatus: 200,
  errorStatuses: [404],
  params: idParams('token'),
});

/** Every route of the facade. */
export const OPEN311_ROUTES: readonly RouteContract[] = [
  ...OPEN311_DISCOVERY_ROUTES,
  ...OPEN311_SERVICE_LIST_ROUTES,
  open311ServiceDefinitionRoute,
  ...OPEN311_SUBMIT_ROUTES,
  ...OPEN311_REQUEST_LIST_ROUTES,
  open311RequestRoute,
  open311TokenRoute,
];
