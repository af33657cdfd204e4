import * as z from 'zod';

/**
 * The JSON form of the GeoReport v2 documents the Open311 facade writes (docs/open311.md); the XML
 * is their Spark mapping. For the OpenAPI document: the handlers build the values themselves.
 */

export const text = (description: string) => z.string().optional().describe(description);
export const jurisdiction = text('Ignored: this endpoint serves one jurisdiction');

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
