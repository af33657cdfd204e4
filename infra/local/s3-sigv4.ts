import { createHash, createHmac, type Hash, type Hmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { getCanonicalHeaders, getCanonicalQuery, SignatureV4 } from '@smithy/signature-v4';
import type { S3Error } from './s3-post-policy.ts';

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

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3 refuses a header-signed request whose x-amz-date is further than this from its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** A presigned URL lives at most seven days. */
const MAX_EXPIRES_SECONDS = 7 * 24 * 60 * 60;

const error = (status: number, code: string, message: string): S3Error => ({ status, code, message });
const accessDenied = (message = 'Access Denied') => error(403, 'AccessDenied', message);
const mismatch = () =>
  error(
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  );

/** How a request carries its signature: the parts S3 reads before recomputing it. */
interface Claim {
  accessKeyId: string;
  scope: { date: string; region: string; service: string };
  amzDate: string;
  signedHeaders: string[];
  signature: string;
  payloadHash: string;
}

/** Undefined when S3 would accept the request's signature; otherwise S3's refusal. */
export const verifySigV4 = async (
  request: ReceivedRequest,
  secretOf: SecretOf,
  now: Date,
): Promise<S3Error | undefined> => {
  const [path = '/', rawQuery = ''] = splitTarget(request.url);
  const query = parseQuery(rawQuery);
  if (query === undefined) return mismatch();
  const claim = readClaim(request, query, now);
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
const parseQuery = (raw: string): Record<string, string | string[]> | undefined => {
  const query: Record<string, string | string[]> = {};
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

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? undefined : value;

/** The signature's claims from the Authorization header or the presigned query, checked for form and time. */
const readClaim = (
  request: ReceivedRequest,
  query: Record<string, string | string[]>,
  now: Date,
): Claim | S3Error => {
  const header = single(request.headers.authorization);
  const presigned = query['X-Amz-Algorithm'] !== undefined;
  if (header !== undefined && presigned) {
    return error(
      400,
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    );
  }
  if (presigned) return readPresignedClaim(query, now);
  if (header === undefined) return accessDenied();
  return readHeaderClaim(header, request.headers, now);
};

const SCOPE = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/;
const AMZ_DATE = /^(\d{8})T\d{6}Z$/;

const parseScope = (credential: string) => {
  const match = SCOPE.exec(credential);
  if (match === null) return undefined;
  const [, accessKeyId = '', date = '', region = '', service = ''] = match;
  return { accessKeyId, scope: { date, region, service } };
};

const amzDateToDate = (amzDate: string): Date =>
  new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));

const readHeaderClaim = (header: string, headers: IncomingHttpHeaders, now: Date): Claim | S3Error => {
  if (!header.startsWith(`${ALGORITHM} `)) {
    return error(
      400,
      'InvalidRequest',
      'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    );
  }
  const parts = Object.fromEntries(
    header
      .slice(ALGORITHM.length)
      .split(',')
      .map((part) => part.trim().split('=') as [string, string?]),
  );
  const credential = parseScope(parts.Credential ?? '');
  const amzDate = single(headers['x-amz-date']) ?? '';
  const malformed = error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
  if (credential === undefined || parts.SignedHeaders === undefined || parts.Signature === undefined)
    return malformed;
  if (!AMZ_DATE.test(amzDate))
    return accessDenied('AWS authentication requires a valid Date or x-amz-date header');
  if (!amzDate.startsWith(credential.scope.date)) return malformed;
  const payloadHash = single(headers['x-amz-content-sha256']);
  if (payloadHash === undefined) {
    return error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  }
  if (Math.abs(amzDateToDate(amzDate).getTime() - now.getTime()) > MAX_SKEW_MS) {
    return error(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
    );
  }
  const signedHeaders = parts.SignedHeaders.split(';');
  const unsigned = Object.keys(headers).filter(
    (name) => name.startsWith('x-amz-') && !signedHeaders.includes(name),
  );
  if (unsigned.length > 0)
    return accessDenied('There were headers present in the request which were not signed');
  return { ...credential, amzDate, signedHeaders, signature: parts.Signature, payloadHash };
};

const readPresignedClaim = (query: Record<string, string | string[]>, now: Date): Claim | S3Error => {
  const queryError = (message: string) => error(400, 'AuthorizationQueryParametersError', message);
  if (single(query['X-Amz-Algorithm']) !== ALGORITHM) {
    return queryError('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  }
  const credential = parseScope(single(query['X-Amz-Credential']) ?? '');
  const amzDate = single(query['X-Amz-Date']) ?? '';
  const expires = Number(single(query['X-Amz-Expires']));
  const signedHeaders = single(query['X-Amz-SignedHeaders']);
  const signature = single(query['X-Amz-Signature']);
  if (credential === undefined || signedHeaders === undefined || signature === undefined) {
    return queryError(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  if (!AMZ_DATE.test(amzDate) || !amzDate.startsWith(credential.scope.date)) {
    return queryError(
      "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\" and match the credential scope",
    );
  }
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS) {
    return queryError('X-Amz-Expires must be between 1 and 604800 seconds');
  }
  const signedAt = amzDateToDate(amzDate).getTime();
  if (signedAt - now.getTime() > MAX_SKEW_MS) return accessDenied('Request is not valid yet');
  if (now.getTime() > signedAt + expires * 1000) return accessDenied('Request has expired');
  // A presigned URL signs no body: its payload is UNSIGNED-PAYLOAD by definition.
  return {
    ...credential,
    amzDate,
    signedHeaders: signedHeaders.split(';'),
    signature,
    payloadHash: 'UNSIGNED-PAYLOAD',
  };
};

/** Method, path as sent (S3 neither normalizes nor re-encodes it), query, signed headers, payload hash. */
const canonicalRequest = (
  request: ReceivedRequest,
  path: string,
  query: Record<string, string | string[]>,
  claim: Claim,
): string => {
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
