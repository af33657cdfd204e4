import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  encodePostForm,
  isMultipartForm,
  type PostForm,
  readPostForm,
} from '../../../infra/local/s3-post-form.ts';
import { checkPostPolicy, type S3Error } from '../../../infra/local/s3-post-policy.ts';

const SECRET = 'secret-key';
const secretOf = (id: string) => (id === 'AKID' ? SECRET : undefined);
const NOW = new Date('2026-11-29T02:00:00Z');

/** Signs a policy the way SigV4 POST does (key derived from date/region/service, HMAC of the base64). */
const signed = (
  conditions: unknown[],
  extraFields: Record<string, string> = {},
  expiration = '2026-11-29T02:15:00Z',
) => {
  const policy = Buffer.from(JSON.stringify({ expiration, conditions })).toString('base64');
  let key: Buffer = createHmac('sha256', `AWS4${SECRET}`).update('20261129').digest();
  for (const part of ['us-east-1', 's3', 'aws4_request'])
    key = createHmac('sha256', key).update(part).digest();
  return new Map(
    Object.entries({
      key: 'uploads/pending/u1/a.jpg',
      'Content-Type': 'image/jpeg',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKID/20261129/us-east-1/s3/aws4_request',
      Policy: policy,
      'X-Amz-Signature': createHmac('sha256', key).update(policy).digest('hex'),
      ...extraFields,
    }),
  );
};

const CONDITIONS = [
  { bucket: 'media' },
  { key: 'uploads/pending/u1/a.jpg' },
  ['eq', '$Content-Type', 'image/jpeg'],
  ['content-length-range', 1, 100],
  { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' },
  { 'X-Amz-Credential': 'AKID/20261129/us-east-1/s3/aws4_request' },
];

describe('checkPostPolicy (what S3 checks on a presigned POST)', () => {
  it('accepts a form that meets every condition, at both ends of the size range', () => {
    expect(
      checkPostPolicy({ fields: signed(CONDITIONS), fileSize: 1 }, 'media', NOW, secretOf),
    ).toBeUndefined();
    expect(
      checkPostPolicy({ fields: signed(CONDITIONS), fileSize: 100 }, 'media', NOW, secretOf),
    ).toBeUndefined();
  });

  it('answers EntityTooLarge / EntityTooSmall (400) outside content-length-range', () => {
    const big = checkPostPolicy({ fields: signed(CONDITIONS), fileSize: 101 }, 'media', NOW, secretOf);
    expect(big).toMatchObject({
      status: 400,
      code: 'EntityTooLarge',
      extra: { ProposedSize: 101, MaxSizeAllowed: 100 },
    });
    const empty = checkPostPolicy({ fields: signed(CONDITIONS), fileSize: 0 }, 'media', NOW, secretOf);
    expect(empty).toMatchObject({ status: 400, code: 'EntityTooSmall' });
  });

  it('answers AccessDenied (403) for another bucket, a starts-with miss, an extra field or an expired policy', () => {
    const check = (fields: Map<string, string>, bucket = 'media', now = NOW) =>
      checkPostPolicy({ fields, fileSize: 10 }, bucket, now, secretOf);
    expect(check(signed(CONDITIONS), 'reports')?.message).toContain('Policy Condition failed');
    const prefixed = [
      ...CONDITIONS.filter((c) => !('key' in c)),
      ['starts-with', '$key', 'uploads/pending/u2/'],
    ];
    expect(check(signed(prefixed))?.message).toContain('["starts-with","$key","uploads/pending/u2/"]');
    expect(check(signed(CONDITIONS, { 'x-amz-meta-note': 'hi' }))?.message).toContain(
      'Extra input fields: x-amz-meta-note',
    );
    expect(check(signed(CONDITIONS, { 'x-ignore-note': 'hi' }))).toBeUndefined();
    expect(check(signed(CONDITIONS), 'media', new Date('2026-11-29T02:15:01Z'))).toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: 'Invalid according to Policy: Policy expired.',
    });
  });

  it('answers SignatureDoesNotMatch when the policy was changed after signing, InvalidAccessKeyId for a stranger', () => {
    const fields = signed(CONDITIONS);
    const widened = JSON.stringify({
      expiration: '2026-11-29T02:15:00Z',
      conditions: [['content-length-range', 1, 1e9]],
    });
    fields.set('Policy', Buffer.from(widened).toString('base64'));
    expect(checkPostPolicy({ fields, fileSize: 10 }, 'media', NOW, secretOf)?.code).toBe(
      'SignatureDoesNotMatch',
    );
    const stranger = signed(CONDITIONS, { 'X-Amz-Credential': 'OTHER/20261129/us-east-1/s3/aws4_request' });
    expect(checkPostPolicy({ fields: stranger, fileSize: 10 }, 'media', NOW, secretOf)?.code).toBe(
      'InvalidAccessKeyId',
    );
  });
});

/** A multipart body written by hand, parts in the given order (a browser would never reorder them). */
const multipart = (parts: [name: string, value: string, filename?: string][], boundary = 'qs-boundary') => ({
  contentType: `multipart/form-data; boundary=${boundary}`,
  body: Buffer.from(
    [
      ...parts.flatMap(([name, value, filename]) => [
        `--${boundary}`,
        `Content-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}`,
        ...(filename === undefined ? [] : ['Content-Type: image/jpeg']),
        '',
        value,
      ]),
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  ),
});

const formOf = async (contentType: string, body: Buffer): Promise<PostForm> => {
  const form = await readPostForm(body, contentType);
  if ('status' in form) throw new Error(`refused: ${form.code}`);
  return form;
};

const signedParts = (extra: Record<string, string> = {}): [string, string][] => [
  ...signed(CONDITIONS, extra),
];

describe('readPostForm (a browser upload read as S3 reads it)', () => {
  it('refuses a field repeated in another case (`key` before `Key`), which s3rver would read as two', async () => {
    const { contentType, body } = multipart([
      ['key', 'uploads/elsewhere/evil.jpg'],
      ...signedParts().map(([name, value]) => [name === 'key' ? 'Key' : name, value] as [string, string]),
      ['file', 'jpeg', 'a.jpg'],
    ]);
    expect(await readPostForm(body, contentType)).toMatchObject({ status: 400, code: 'InvalidArgument' });
  });

  it('takes a part named FILE, in any case, as the file and ignores every part after it', async () => {
    const { contentType, body } = multipart([
      ...signedParts(),
      ['FILE', 'tiny', 'a.jpg'],
      ['key', 'uploads/elsewhere/evil.jpg'],
      ['file', 'x'.repeat(1000), 'b.jpg'],
    ]);
    const form = await formOf(contentType, body);
    expect(Buffer.from(form.file.data).toString()).toBe('tiny');
    expect(form.fields.get('key')).toBe('uploads/pending/u1/a.jpg');
    expect(
      checkPostPolicy({ fields: form.fields, fileSize: form.file.data.length }, 'media', NOW, secretOf),
    ).toBeUndefined();
  });

  it('with FILE before the fields, checks the policy against no fields at all (refused)', async () => {
    const { contentType, body } = multipart([['FILE', 'tiny', 'a.jpg'], ...signedParts()]);
    const form = await formOf(contentType, body);
    expect(form.fields.size).toBe(0);
    expect(checkPostPolicy({ fields: form.fields, fileSize: 4 }, 'media', NOW, secretOf)?.code).toBe(
      'AccessDenied',
    );
  });

  it('reads a Multipart/Form-Data content type in capitals as a form, as S3 does', async () => {
    expect(isMultipartForm('Multipart/Form-Data; boundary=x')).toBe(true);
    expect(isMultipartForm(' MULTIPART/FORM-DATA')).toBe(true);
    expect(isMultipartForm('multipart/form-data-ish')).toBe(false);
    expect(isMultipartForm('application/xml')).toBe(false);
    const { body } = multipart([...signedParts(), ['file', 'jpeg', 'a.jpg']], 'Caps-Boundary');
    const form = await formOf('Multipart/Form-Data; boundary=Caps-Boundary', body);
    expect(form.fields.get('policy')).toBeDefined();
  });

  it('refuses a form without a file, a body that is not multipart, and fields over 20 KB', async () => {
    const noFile = multipart(signedParts());
    expect(await readPostForm(noFile.body, noFile.contentType)).toMatchObject({ code: 'InvalidArgument' });
    expect(
      ((await readPostForm(Buffer.from('junk'), 'multipart/form-data; boundary=z')) as S3Error).status,
    ).toBe(400);
    const padded = multipart([
      ...signedParts({ 'x-ignore-pad': 'p'.repeat(21 * 1024) }),
      ['file', 'j', 'a.jpg'],
    ]);
    expect(await readPostForm(padded.body, padded.contentType)).toMatchObject({
      code: 'MaxPostPreDataLengthExceeded',
    });
  });

  it('forwards exactly what it checked: lower-case names, then the file, nothing after', async () => {
    const { contentType, body } = multipart([...signedParts(), ['FILE', 'tiny', 'a.jpg'], ['key', 'evil']]);
    const encoded = await encodePostForm(await formOf(contentType, body));
    const again = await formOf(encoded.contentType, encoded.body);
    expect([...again.fields.keys()]).toEqual([...signedParts()].map(([name]) => name.toLowerCase()));
    expect(Buffer.from(again.file.data).toString()).toBe('tiny');
    const names = [
      ...(
        await new Request('http://x/', {
          method: 'POST',
          headers: { 'content-type': encoded.contentType },
          body: encoded.body,
        }).formData()
      ).keys(),
    ];
    expect(names.at(-1)).toBe('file');
    expect(names.filter((name) => name === 'key')).toHaveLength(1);
  });
});

describe('checkPostPolicy: every field under a condition', () => {
  it('matches condition and field names whatever their case', () => {
    const conditions = [...CONDITIONS, ['starts-with', '$X-Amz-Meta-Note', '']];
    const fields = new Map(
      [...signed(conditions, { 'x-amz-meta-note': 'hi' })].map(([n, v]) => [n.toLowerCase(), v]),
    );
    expect(checkPostPolicy({ fields, fileSize: 10 }, 'media', NOW, secretOf)).toBeUndefined();
  });

  it('fails a condition on a field the form lacks', () => {
    const conditions = [...CONDITIONS, { acl: 'private' }];
    expect(
      checkPostPolicy({ fields: signed(conditions), fileSize: 10 }, 'media', NOW, secretOf)?.message,
    ).toContain('Policy Condition failed');
  });
});
