import type { S3Error } from './s3-post-policy.ts';

/**
 * A browser POST upload's form read as S3 reads it (S3 API reference, "POST Object" and "Creating
 * a POST policy"): field names are case-insensitive, the part named `file` (in any case) is the
 * object and S3 ignores every part after it, and `multipart/form-data` is matched without regard
 * to case. The proxy forwards to s3rver exactly the form it checked — lower-case names, the fields
 * before the file, then the file — because s3rver reads names case-sensitively (`key`, `file`) and
 * would otherwise store what the policy never saw.
 */

export interface PostForm {
  /** Fields before the file, by lower-case name. */
  fields: ReadonlyMap<string, string>;
  file: { name: string; type: string; data: Uint8Array };
}

/** S3 caps the fields before the file at 20 KB ("MaxPostPreDataLengthExceeded"). */
const MAX_FIELDS_BYTES = 20 * 1024;

const invalid = (message: string, extra?: Record<string, string>): S3Error => ({
  status: 400,
  code: 'InvalidArgument',
  message,
  ...(extra === undefined ? {} : { extra }),
});

/** Whether a content type is a multipart form, as S3 compares it (type and subtype case-insensitive). */
export const isMultipartForm = (contentType: string | undefined): boolean =>
  /^multipart\/form-data\s*(;|$)/i.test((contentType ?? '').trim());

/** The form up to and including its file, or the error S3 would answer. */
export const readPostForm = async (raw: Uint8Array, contentType: string): Promise<PostForm | S3Error> => {
  let data: FormData;
  try {
    data = await new Request('http://local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
  } catch {
    return {
      status: 400,
      code: 'MalformedPOSTRequest',
      message: 'The body of your POST request is not well-formed multipart/form-data.',
    };
  }
  const fields = new Map<string, string>();
  let size = 0;
  for (const [name, value] of data.entries()) {
    const lower = name.toLowerCase();
    if (lower === 'file') return { fields, file: await fileOf(value) };
    // Two fields whose names differ only in case would be one field to S3 and two to s3rver.
    if (fields.has(lower)) {
      return invalid(`POST form fields must be unique, whatever their case: ${name}`, { ArgumentName: name });
    }
    const text = typeof value === 'string' ? value : await value.text();
    size += Buffer.byteLength(name) + Buffer.byteLength(text);
    if (size > MAX_FIELDS_BYTES) {
      return {
        status: 400,
        code: 'MaxPostPreDataLengthExceeded',
        message: 'Your POST request fields preceding the upload file were too large.',
      };
    }
    fields.set(lower, text);
  }
  return invalid('POST requires exactly one file upload per request.', { ArgumentName: 'file' });
};

const fileOf = async (value: NonNullable<ReturnType<FormData['get']>>): Promise<PostForm['file']> =>
  typeof value === 'string'
    ? { name: 'file', type: 'application/octet-stream', data: Buffer.from(value) }
    : { name: value.name || 'file', type: value.type, data: new Uint8Array(await value.arrayBuffer()) };

/** The checked form as s3rver must see it: lower-case field names, then the file, nothing after. */
export const encodePostForm = async (form: PostForm): Promise<{ body: Buffer; contentType: string }> => {
  const data = new FormData();
  for (const [name, value] of form.fields) data.append(name, value);
  data.append('file', new Blob([form.file.data], { type: form.file.type }), form.file.name);
  const request = new Request('http://local/', { method: 'POST', body: data });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
};
