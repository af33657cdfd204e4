import { describe, expect, it } from 'vitest';
import { type ReceivedRequest, verifySigV4 } from '../../../infra/local/s3-sigv4.ts';

/**
 * The worked examples of the S3 API reference, "Signature Calculations for the Authorization Header:
 * Transferring Payload in a Single Chunk" and "Authenticating Requests: Using Query Parameters":
 * the published key pair, 2013-05-24, and the signatures AWS printed for them.
 */
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const secretOf = (id: string) => (id === ACCESS_KEY ? SECRET : undefined);
const SIGNED_AT = new Date('2013-05-24T00:00:00Z');
const HOST = 'examplebucket.s3.amazonaws.com';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SCOPE = `${ACCESS_KEY}/20130524/us-east-1/s3/aws4_request`;

const authorization = (signedHeaders: string, signature: string) =>
  `AWS4-HMAC-SHA256 Credential=${SCOPE},SignedHeaders=${signedHeaders},Signature=${signature}`;

const getObject = (): ReceivedRequest => ({
  method: 'GET',
  url: '/test.txt',
  headers: {
    host: HOST,
    range: 'bytes=0-9',
    'x-amz-content-sha256': EMPTY,
    'x-amz-date': '20130524T000000Z',
    authorization: authorization(
      'host;range;x-amz-content-sha256;x-amz-date',
      'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    ),
  },
});

const putObject = (): ReceivedRequest => ({
  method: 'PUT',
  url: '/test%24file.text',
  headers: {
    date: 'Fri, 24 May 2013 00:00:00 GMT',
    host: HOST,
    'x-amz-content-sha256': '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
    'x-amz-date': '20130524T000000Z',
    'x-amz-storage-class': 'REDUCED_REDUNDANCY',
    authorization: authorization(
      'date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
      '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    ),
  },
});

const listObjects = (): ReceivedRequest => ({
  method: 'GET',
  url: '/?max-keys=2&prefix=J',
  headers: {
    host: HOST,
    'x-amz-content-sha256': EMPTY,
    'x-amz-date': '20130524T000000Z',
    authorization: authorization(
      'host;x-amz-content-sha256;x-amz-date',
      '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
    ),
  },
});

const PRESIGNED_SIGNATURE = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
const presignedGet = (signature = PRESIGNED_SIGNATURE, path = '/test.txt'): ReceivedRequest => ({
  method: 'GET',
  url:
    `${path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${encodeURIComponent(SCOPE)}` +
    `&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=${signature}`,
  headers: { host: HOST },
});

const verify = (request: ReceivedRequest, now = SIGNED_AT) => verifySigV4(request, secretOf, now);

describe('verifySigV4 on the published examples', () => {
  it.each([
    ['GET Object (Range)', getObject()],
    ['PUT Object ($ in the key, date and storage-class headers)', putObject()],
    ['GET Bucket (two query parameters)', listObjects()],
    ['a presigned GET, within its 86400 s', presignedGet()],
  ])('accepts %s', async (_label, request) => {
    expect(await verify(request, new Date('2013-05-24T00:10:00Z'))).toBeUndefined();
  });
});

describe('verifySigV4 refusals', () => {
  it('answers AccessDenied to a request with no signature at all', async () => {
    expect(await verify({ method: 'GET', url: '/test.txt', headers: { host: HOST } })).toMatchObject({
      status: 403,
      code: 'AccessDenied',
    });
  });

  it('answers SignatureDoesNotMatch when anything signed changed', async () => {
    const otherRange = getObject();
    otherRange.headers.range = 'bytes=0-99';
    const otherKey = { ...putObject(), url: '/test%25file.text' };
    const otherQuery = { ...listObjects(), url: '/?max-keys=3&prefix=J' };
    const otherMethod = { ...getObject(), method: 'DELETE' };
    for (const request of [
      otherRange,
      otherKey,
      otherQuery,
      otherMethod,
      presignedGet(undefined, '/other.txt'),
    ]) {
      expect(await verify(request)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    }
    expect(await verify(presignedGet('0'.repeat(64)))).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  it('answers InvalidAccessKeyId for a key it does not know', async () => {
    const stranger = getObject();
    stranger.headers.authorization = String(stranger.headers.authorization).replace(
      ACCESS_KEY,
      'AKIASTRANGER',
    );
    expect(await verify(stranger)).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
  });

  it('refuses a presigned URL after its expiry and a header signature 15 minutes off the clock', async () => {
    expect(await verify(presignedGet(), new Date('2013-05-25T00:00:01Z'))).toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
    });
    expect(await verify(getObject(), new Date('2013-05-24T00:15:01Z'))).toMatchObject({
      status: 403,
      code: 'RequestTimeTooSkewed',
    });
  });

  it('refuses x-amz-* headers that were not signed, two mechanisms at once and the retired V2 scheme', async () => {
    const withMeta = getObject();
    withMeta.headers['x-amz-meta-owner'] = 'someone';
    expect(await verify(withMeta)).toMatchObject({ status: 403, code: 'AccessDenied' });
    const both = presignedGet();
    both.headers.authorization = getObject().headers.authorization;
    expect(await verify(both)).toMatchObject({ status: 400, code: 'InvalidArgument' });
    const v2 = getObject();
    v2.headers.authorization = `AWS ${ACCESS_KEY}:frJIUN8DYpKDtOLCwo//yllqDzg=`;
    expect(await verify(v2)).toMatchObject({ status: 400, code: 'InvalidRequest' });
  });

  it('refuses a header signature without x-amz-content-sha256, as S3 does', async () => {
    const request = getObject();
    delete request.headers['x-amz-content-sha256'];
    expect(await verify(request)).toMatchObject({ status: 400, code: 'InvalidRequest' });
  });
});
