import { z } from 'zod';
import { defineRoute, type RouteContract } from './route.ts';

/**
 * The Open311 GeoReport v2 facade (docs/open311.md). Every resource answers in XML (the spec's
 * required format) or JSON: a `.xml`/`.json` suffix, else the `format` parameter, else XML. The
 * collection resources are three literal routes each (`/services`, `/services.xml`,
 * `/services.json`: API Gateway parameters are whole path segments); a resource with an id carries
 * the suffix in its parameter (`/services/noise.json`). All are public at the gateway: GETs need no
 * key, and a POST's `api_key` travels in its form body, which no authorizer can read — the handler
 * checks it. The schemas below document the JSON form; the XML is its Spark mapping.
 */

export const OPEN311_BASE = '/open311/v2';

const text = (description: string) => z.string().optional().describe(description);
const jurisdiction = text('Ignored: this endpoint serves one jurisdiction');
const format = z.enum(['xml', 'json']).optional().describe('Used when the path has no .xml/.json suffix');

export const Open311ErrorsSchema = z
  .array(z.object({ code: z.number().int(), description: z.string() }))
  .meta({ id: 'Open311Errors' });

export const Open311DiscoverySchema = z
  .object({
    changeset: z.string(),
    contact: z.string(),
    key_service: z.string(),
    endpoints: z.array(
      z.object({
        specification: z.string(),
        url: z.string(),
        changeset: z.string(),
        type: z.enum(['production', 'test']),
        formats: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'Open311Discovery' });

export const Open311ServiceSchema = z
  .object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.literal('realtime'),
    keywords: z.string(),
    group: z.string(),
  })
  .meta({ id: 'Open311Service' });

export const Open311ServiceDefinitionSchema = z
  .object({
    service_code: z.string(),
    attributes: z.array(
      z.object({
        variable: z.boolean(),
        code: z.string(),
        datatype: z.string(),
        required: z.boolean(),
        datatype_description: z.string().nullable(),
        order: z.number().int(),
        description: z.string(),
      }),
    ),
  })
  .meta({ id: 'Open311ServiceDefinition' });

export const Open311ServiceRequestSchema = z
  .object({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    status_notes: z.string().describe('Our state, zh-CN with English beside'),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: z.string().optional().describe('The lead department, once dispatched'),
    service_notice: z.string().optional(),
    requested_datetime: z.string().describe('Local time with its offset, e.g. 2026-12-18T18:00:00+08:00'),
    updated_datetime: z.string(),
    expected_datetime: z.string().optional().describe('The deadline, once dispatched'),
    address: z.string().optional(),
    lat: z.number().optional(),
    long: z.number().optional(),
    media_url: z.string().optional().describe('A link of a few minutes to the location-free copy'),
  })
  .meta({ id: 'Open311ServiceRequest' });

export const Open311CreatedSchema = z
  .array(
    z.object({
      service_request_id: z.string(),
      service_notice: z.string().optional(),
      account_id: z.string().optional(),
    }),
  )
  .meta({ id: 'Open311Created' });

export const Open311TokenSchema = z
  .array(z.object({ service_request_id: z.string(), token: z.string() }))
  .meta({ id: 'Open311Token' });

export const Open311SubmitFormSchema = z
  .object({
    api_key: z.string().describe('Issued by an admin (POST /api-keys)'),
    jurisdiction_id: jurisdiction,
    service_code: z.string(),
    lat: text('WGS-84 latitude; with long, or give address_string'),
    long: text('WGS-84 longitude'),
    address_string: text('Where, as people write it; alone, the case has no coordinates'),
    address_id: text('Kept for the staff; not a location by itself'),
    email: text('The submitter’s contact: read by the staff only'),
    device_id: text('Staff only'),
    account_id: text('Staff only; echoed in the answer'),
    first_name: text('Staff only'),
    last_name: text('Staff only'),
    phone: text('Staff only'),
    description: text('Up to 4,000 characters'),
    media_url: text('A link the staff may open; never fetched by the server'),
    'attribute[title]': text('The case title (up to 200 characters); else the description’s first line'),
  })
  .meta({ id: 'Open311SubmitForm' });

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
