import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_REGION, localBucketName } from '../../infra/local/environment.ts';
import { LOCAL_S3_CREDENTIALS } from '../../infra/local/s3-local.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { jpegWithGps, postToSlot, requestSlot } from '../support/media-fixtures.ts';

/** The local S3 endpoint refuses what S3 refuses: unsigned, badly signed, and policy-bypassing requests. */

let t: TestStack;
const bucket = localBucketName('reports');
const media = localBucketName('media');

beforeAll(async () => {
  t = await startTestStack();
  await t.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'kept/報告 1.json', Body: '{"kept":true}' }));
});
afterAll(async () => {
  await t?.close();
});

const s3Url = (path: string) => `${t.stack.urls.s3}${path}`;
const codeOf = async (response: Response) => /<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1];
const exists = async (bucketName: string, key: string) =>
  t.s3.send(new HeadObjectCommand({ Bucket: bucketName, Key: key })).then(
    () => true,
    () => false,
  );

describe('unsigned requests', () => {
  it.each([
    ['List', 'GET', `/${bucket}?list-type=2`],
    ['Get', 'GET', `/${bucket}/kept/${encodeURIComponent('報告 1.json')}`],
    ['Head', 'HEAD', `/${bucket}/kept/${encodeURIComponent('報告 1.json')}`],
    ['Put', 'PUT', `/${bucket}/unsigned.txt`],
    ['Delete', 'DELETE', `/${bucket}/kept/${encodeURIComponent('報告 1.json')}`],
  ])('%s is 403 AccessDenied', async (_label, method, path) => {
    const response = await fetch(s3Url(path), { method, ...(method === 'PUT' ? { body: 'x' } : {}) });
    expect(response.status).toBe(403);
    if (method !== 'HEAD') expect(await codeOf(response)).toBe('AccessDenied');
  });

  it('changed nothing: the PUT stored nothing and the DELETE removed nothing', async () => {
    expect(await exists(bucket, 'unsigned.txt')).toBe(false);
    expect(await exists(bucket, 'kept/報告 1.json')).toBe(true);
  });

  it('a browser POST with a Multipart/Form-Data type in capitals still needs its policy', async () => {
    const boundary = 'Caps-Boundary';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="key"',
      '',
      'uploads/free.txt',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="free.txt"',
      'Content-Type: text/plain',
      '',
      'no policy here',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const response = await fetch(s3Url(`/${media}`), {
      method: 'POST',
      headers: { 'content-type': `Multipart/Form-Data; boundary=${boundary}` },
      body,
    });
    expect(response.status).toBe(403);
    expect(await exists(media, 'uploads/free.txt')).toBe(false);
  });
});

describe('badly signed requests', () => {
  const clientWith = (secretAccessKey: string, accessKeyId: string = LOCAL_S3_CREDENTIALS.accessKeyId) =>
    new S3Client({
      endpoint: t.stack.urls.s3,
      region: LOCAL_REGION,
      forcePathStyle: true,
      credentials: { accessKeyId, secretAccessKey },
      maxAttempts: 1,
    });

  it('a wrong secret is SignatureDoesNotMatch, an unknown key InvalidAccessKeyId', async () => {
    const wrong = clientWith('not-the-secret');
    await expect(wrong.send(new ListObjectsV2Command({ Bucket: bucket }))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
    const stranger = clientWith('x', 'AKIASTRANGER');
    await expect(stranger.send(new ListObjectsV2Command({ Bucket: bucket }))).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
    });
    wrong.destroy();
    stranger.destroy();
  });

  it('a presigned URL with a changed key or signature, or past its expiry, is refused', async () => {
    const get = new GetObjectCommand({ Bucket: bucket, Key: 'kept/報告 1.json' });
    const url = await getSignedUrl(t.s3, get, { expiresIn: 60 });
    expect((await fetch(url)).status).toBe(200);
    const otherKey = url.replace(encodeURIComponent('報告 1.json'), 'other.json');
    expect(await codeOf(await fetch(otherKey))).toBe('SignatureDoesNotMatch');
    const otherSignature = url.replace(/X-Amz-Signature=[0-9a-f]{8}/, 'X-Amz-Signature=00000000');
    expect(await codeOf(await fetch(otherSignature))).toBe('SignatureDoesNotMatch');
    const old = await getSignedUrl(t.s3, get, { expiresIn: 60, signingDate: new Date(Date.now() - 120_000) });
    const expired = await fetch(old);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
  });
});

describe('signed requests (AWS SDK)', () => {
  it('put, get, list and delete keys with spaces, Chinese and reserved characters', async () => {
    const key = 'signed/报告 #1+(a)&b=c.txt';
    await t.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'hello', ContentType: 'text/plain' }),
    );
    const got = await t.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(await got.Body?.transformToString()).toBe('hello');
    const listed = await t.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'signed/报告 #1+' }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual([key]);
    await t.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    expect(await exists(bucket, key)).toBe(false);
  });

  it('a presigned PUT stores its object', async () => {
    const url = await getSignedUrl(t.s3, new PutObjectCommand({ Bucket: bucket, Key: 'presigned/put.txt' }));
    expect((await fetch(url, { method: 'PUT', body: 'via url' })).status).toBe(200);
    const got = await t.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'presigned/put.txt' }));
    expect(await got.Body?.transformToString()).toBe('via url');
  });
});

describe('browser POST uploads that try to step around the policy', () => {
  const token = () => t.stack.users.deputy.token;
  const photo = jpegWithGps();

  it('`key` before `Key`: refused, nothing stored under the smuggled key', async () => {
    const slot = await requestSlot(t, token(), 'image/jpeg', photo.length);
    const { key, ...rest } = slot.fields;
    const response = await postToSlot(slot, photo, {
      key: 'uploads/smuggled/a.jpg',
      ...rest,
      Key: key ?? '',
    });
    expect(response.status).toBe(400);
    expect(await exists(media, 'uploads/smuggled/a.jpg')).toBe(false);
  });

  it('a part named FILE is the file: the fields after it are ignored, as S3 ignores them', async () => {
    const slot = await requestSlot(t, token(), 'image/jpeg', photo.length);
    const form = new FormData();
    for (const [name, value] of Object.entries(slot.fields)) form.append(name, value);
    form.append('FILE', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
    form.append('key', 'uploads/smuggled/b.jpg');
    form.append('file', new Blob([new Uint8Array(64)], { type: 'image/jpeg' }), 'other.jpg');
    const response = await fetch(slot.url, { method: 'POST', body: form });
    expect(response.status).toBe(204);
    expect(await exists(media, 'uploads/smuggled/b.jpg')).toBe(false);
    const stored = await t.s3.send(new GetObjectCommand({ Bucket: media, Key: slot.key }));
    expect(Buffer.from(await (stored.Body?.transformToByteArray() ?? new Uint8Array()))).toEqual(photo);
  });
});
