import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPostPolicy } from '../../../infra/local/s3-post-policy.ts';

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
