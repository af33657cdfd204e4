import type { FieldError } from '../errors.ts';

/**
 * A POST's form fields (application/x-www-form-urlencoded) as single values and attributes.
 * "Optional" in GeoReport v2 means an empty parameter is the same as an absent one, so empty
 * values are dropped. Parameters we do not know are ignored, as web forms' extra fields are;
 * attribute codes, which are structured data, are checked by the caller.
 */
export const SCALAR_FIELDS = [
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

export interface FormFields {
  fields: Partial<Record<ScalarField, string>>;
  /** `attribute[code]=v` and `attribute[code][]=v1&attribute[code][]=v2`, by code. */
  attributes: Record<string, string[]>;
  errors: FieldError[];
}

const ATTRIBUTE = /^attribute\[([^\]]{1,100})\](\[\])?$/;

export const readForm = (form: URLSearchParams): FormFields => {
  const fields: Partial<Record<ScalarField, string>> = {};
  const attributes: Record<string, string[]> = {};
  const errors: FieldError[] = [];
  for (const name of SCALAR_FIELDS) {
    const values = form.getAll(name).filter((value) => value.trim() !== '');
    if (values.length > 1) {
      errors.push({ path: `/body/${name}`, message: `${name} 只能提供一次 (${name} may be given once)` });
    }
    if (values[0] !== undefined) fields[name] = values[0];
  }
  for (const [name, value] of form) {
    const code = ATTRIBUTE.exec(name)?.[1];
    if (code === undefined || value.trim() === '') continue;
    attributes[code] = [...(attributes[code] ?? []), value];
  }
  return { fields, attributes, errors };
};
