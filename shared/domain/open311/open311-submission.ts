import * as z from 'zod';
import { type CaseCategory, findCaseCategory } from '../cases/case-categories.ts';
import type { ClientSubmission, SubmitterContact } from '../cases/case-client.ts';
import type { SubmitCasePayload } from '../cases/case-payloads.ts';
import { type FieldError, NotFoundError, ValidationError } from '../errors.ts';
import { readForm } from './open311-form.ts';
import { DESCRIPTION_MAX_CHARS } from './open311-request-view.ts';
import { TITLE_ATTRIBUTE, TITLE_MAX_LENGTH } from './open311-services.ts';

/**
 * POST requests: the form as a case submission. Locations: `lat` & `long` (WGS-84, as the case
 * stores them), or `address_string` alone — then the case has no coordinates and its address is
 * what the staff go by (docs/open311.md). `address_id` alone is refused: we keep no address register.
 * `media_url` is kept as a link for the staff and never fetched.
 */

const chars = (text: string) => [...text].length;

const decimal = (limit: number) =>
  z
    .string()
    .trim()
    .regex(/^[+-]?\d{1,3}(\.\d{1,15})?$/, '应为十进制度数 (decimal degrees)')
    .transform(Number)
    .refine((value) => Math.abs(value) <= limit, `应在 ±${limit} 之内 (within ±${limit})`);

const text = (max: number) => z.string().trim().max(max);

const FormSchema = z.object({
  service_code: z.string({ error: '必须提供 service_code (service_code is required)' }).trim().max(100),
  lat: decimal(90).optional(),
  long: decimal(180).optional(),
  address_string: text(500).optional(),
  address_id: text(200).optional(),
  email: z.email('邮箱格式无效 (not an email address)').max(254).optional(),
  device_id: text(200).optional(),
  account_id: text(200).optional(),
  first_name: text(100).optional(),
  last_name: text(100).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+()\-.\s]{3,40}$/, '电话号码格式无效 (not a phone number)')
    .optional(),
  description: z
    .string()
    .trim()
    .refine(
      (value) => chars(value) <= DESCRIPTION_MAX_CHARS,
      `最多 ${DESCRIPTION_MAX_CHARS} 字 (at most 4,000 characters)`,
    )
    .optional(),
  media_url: z
    .url({ protocol: /^https?$/, error: '应为 http(s) 链接 (an http or https URL)' })
    .max(2000)
    .refine((value) => {
      const url = new URL(value);
      return url.username === '' && url.password === '';
    }, '链接不得含用户名或密码 (no credentials in the URL)')
    .optional(),
});
type Form = z.infer<typeof FormSchema>;

const locationErrors = (form: Form): FieldError[] => {
  if ((form.lat === undefined) !== (form.long === undefined)) {
    const message = 'lat 与 long 须同时提供 (send lat and long together)';
    return [{ path: form.lat === undefined ? '/body/lat' : '/body/long', message }];
  }
  if (form.lat !== undefined || form.address_string !== undefined) return [];
  const message =
    '须提供 lat 与 long，或 address_string；本系统不使用 address_id (send lat & long, or address_string; address_id is not used here)';
  return [{ path: '/body/lat', message }];
};

const titleErrors = (attributes: Record<string, string[]>): FieldError[] =>
  Object.entries(attributes).flatMap(([code, values]): FieldError[] => {
    const path = `/body/attribute[${code}]`;
    if (code !== TITLE_ATTRIBUTE) return [{ path, message: `没有此属性 ${code} (no such attribute)` }];
    if (values.length > 1) return [{ path, message: '只能提供一个值 (one value only)' }];
    return chars(values[0] ?? '') > TITLE_MAX_LENGTH
      ? [{ path, message: `最多 ${TITLE_MAX_LENGTH} 字 (at most ${TITLE_MAX_LENGTH} characters)` }]
      : [];
  });

const zodErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => ({
    path: `/body/${issue.path.map(String).join('/')}`,
    message: issue.message,
  }));

/** The first line of the description, or the service's name. */
const defaultTitle = (category: CaseCategory, description: string | undefined): string => {
  const firstLine = description?.split('\n')[0]?.trim() ?? '';
  if (firstLine === '') return `${category.labelZh}问题 (${category.labelEn})`;
  return chars(firstLine) <= 50 ? firstLine : `${[...firstLine].slice(0, 49).join('')}…`;
};

const NO_DESCRIPTION = '（提交者未填写描述）(no description given)';

export interface ParsedSubmission {
  payload: SubmitCasePayload;
  viaClient: ClientSubmission;
  accountId?: string;
}

/** The form as a public case of the client; 400 for invalid fields, 404 for an unknown service_code. */
export const parseSubmission = (
  form: URLSearchParams,
  client: { id: string; name: string },
): ParsedSubmission => {
  const read = readForm(form);
  const parsed = FormSchema.safeParse(read.fields);
  const errors = [
    ...read.errors,
    ...(parsed.success ? locationErrors(parsed.data) : zodErrors(parsed.error)),
    ...titleErrors(read.attributes),
  ];
  if (!parsed.success || errors.length > 0) {
    throw new ValidationError('服务请求无效 (invalid service request)', errors);
  }
  const input = parsed.data;
  const category = findCaseCategory(input.service_code);
  if (category === undefined) {
    throw new NotFoundError(`没有此服务 ${input.service_code.slice(0, 100)} (service_code not found)`);
  }
  const title = read.attributes[TITLE_ATTRIBUTE]?.[0]?.trim() || defaultTitle(category, input.description);
  const location =
    input.lat === undefined || input.long === undefined
      ? undefined
      : {
          latitude: input.lat,
          longitude: input.long,
          ...(input.address_string === undefined ? {} : { address: input.address_string }),
        };
  const payload: SubmitCasePayload = {
    categoryId: category.id,
    title,
    description: input.description || NO_DESCRIPTION,
    ...(location === undefined ? {} : { location }),
    mediaIds: [],
    isPublic: true,
    showReporterName: false,
  };
  return {
    payload,
    viaClient: clientSubmission(input, client),
    ...(input.account_id === undefined ? {} : { accountId: input.account_id }),
  };
};

const clientSubmission = (input: Form, client: { id: string; name: string }): ClientSubmission => {
  const submitter = definedOnly<SubmitterContact>({
    email: input.email,
    phone: input.phone,
    firstName: input.first_name,
    lastName: input.last_name,
    deviceId: input.device_id,
    accountId: input.account_id,
  });
  return {
    channel: 'open311',
    clientId: client.id,
    clientName: client.name,
    ...(Object.keys(submitter).length === 0 ? {} : { submitter }),
    ...definedOnly({ address: input.address_string, addressId: input.address_id, mediaUrl: input.media_url }),
  };
};

const definedOnly = <T extends object>(value: { [K in keyof T]: T[K] | undefined }): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
