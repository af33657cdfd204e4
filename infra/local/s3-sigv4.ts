import { createHash, createHmac, type Hash, type Hmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { getCanonicalHeaders, getCanonicalQuery, SignatureV4 } from '@smithy/signature-v4';
import type { S3Error } from './s3-post-policy.ts';
import {
  ALGORITHM,
  amzDateToDate,
  type Claim,
  error,
  mismatch,
  type Query,
  readClaim,
} from './s3-sigv4-claim.ts';

/**
 * What S3 checks on every request but a browser POST upload, which s3rver skips: a SigV4 signature
 * (Authorization header or presigned query) by a known key, in time. The canonical request is built
 * from the request as received, per "Authenticating Requests (AWS Signature Version 4)" of the S3 API
 * reference (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html);
 * @smithy/signature-v4 — the SDK's own signer — escapes the query, canonicalizes the headers and
 * derives the key and the signature, so both ends compute it the same way.
 */

export interface ReceivedRequest {
  method: string;
  /** The request target as received: raw path and query, still percent-encoded. */
  url: string;
  headers: IncomingHttpHeaders;
}

export type SecretOf = (accessKeyId: string) => string | undefined;

/** Undefined when S3 would accept the request's signature; otherwise S3's refusal. */
export const verifySigV4 = async (
  request: ReceivedRequest,
  secretOf: SecretOf,
  now: Date,
): Promise<S3Error | undefined> => {
  const [path = '/', rawQuery = ''] = splitTarget(request.url);
  const query = parseQuery(rawQuery);
  if (query === undefined) return mismatch();
  const claim = readClaim(request.headers, query, now);
  if ('status' in claim) return claim;
  const secret = secretOf(claim.accessKeyId);
  if (secret === undefined) {
    return error(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  }
  const canonical = canonicalRequest(request, path, query, claim);
  const stringToSign = [
    ALGORITHM,
    claim.amzDate,
    `${claim.scope.date}/${claim.scope.region}/${claim.scope.service}/aws4_request`,
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
  const signer = new SignatureV4({
    service: claim.scope.service,
    region: claim.scope.region,
    credentials: { accessKeyId: claim.accessKeyId, secretAccessKey: secret },
    sha256: NodeSha256,
  });
  const expected = await signer.sign(stringToSign, { signingDate: amzDateToDate(claim.amzDate) });
  return sameHex(expected, claim.signature) ? undefined : mismatch();
};

const splitTarget = (url: string): [string, string] => {
  const at = url.indexOf('?');
  return at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)];
};

/** Query parameters decoded once, repeated names kept; undefined when an escape does not decode. */
const parseQuery = (raw: string): Query | undefined => {
  const query: Query = {};
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(at === -1 ? pair : pair.slice(0, at));
      value = at === -1 ? '' : decodeURIComponent(pair.slice(at + 1));
    } catch {
      return undefined;
    }
    const earlier = query[name];
    query[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return query;
};

/** Method, path as sent (S3 neither normalizes nor re-encodes it), query, signed headers, payload hash. */
const canonicalRequest = (request: ReceivedRequest, path: string, query: Query, claim: Claim): string => {
  const present: Record<string, string> = {};
  for (const name of claim.signedHeaders) {
    const value = request.headers[name];
    if (value !== undefined) present[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const canonicalHeaders = getCanonicalHeaders(
    { headers: present } as never,
    undefined,
    new Set(claim.signedHeaders),
  );
  return [
    request.method,
    path,
    getCanonicalQuery({ query } as never),
    ...claim.signedHeaders.map((name) => `${name}:${canonicalHeaders[name] ?? ''}`),
    '',
    claim.signedHeaders.join(';'),
    claim.payloadHash,
  ].join('\n');
};

const sameHex = (a: string, b: string) =>
  a.length === b.length && /^[0-9a-f]+$/.test(b) && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The hash constructor @smithy/signature-v4 wants (HMAC when given a key), on node:crypto. */
class NodeSha256 {
  readonly #secret: string | Uint8Array | undefined;
  #hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#secret = secret === undefined || typeof secret === 'string' ? secret : bytesOf(secret);
    this.#hash = this.#fresh();
  }
  #fresh() {
    return this.#secret === undefined ? createHash('sha256') : createHmac('sha256', this.#secret);
  }
  update(data: Uint8Array) {
    this.#hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
  reset() {
    this.#hash = this.#fresh();
  }
}

const bytesOf = (data: ArrayBuffer | ArrayBufferView): Uint8Array =>
  ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
