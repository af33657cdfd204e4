import type { IncomingHttpHeaders } from 'node:http';
import type { S3Error } from './s3-post-policy.ts';

/**
 * The claims a SigV4 request makes before its signature is recomputed — who signed, when, for which
 * scope and headers — read from the Authorization header or the presigned query and checked for form
 * and time as S3 checks them (errors and messages as S3 answers).
 */

export type Query = Record<string, string | string[]>;

export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3 refuses a header-signed request whose x-amz-date is further than this from its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** A presigned URL lives at most seven days. */
const MAX_EXPIRES_SECONDS = 7 * 24 * 60 * 60;

export const error = (status: number, code: string, message: string): S3Error => ({ status, code, message });
const accessDenied = (message = 'Access Denied') => error(403, 'AccessDenied', message);
export const mismatch = () =>
  error(
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  );

/** How a request carries its signature: the parts S3 reads before recomputing it. */
export interface Claim {
  accessKeyId: string;
  scope: { date: string; region: string; service: string };
  amzDate: string;
  signedHeaders: string[];
  signature: string;
  payloadHash: string;
}

export const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? undefined : value;

/** The signature's claims from the Authorization header or the presigned query, checked for form and time. */
export const readClaim = (headers: IncomingHttpHeaders, query: Query, now: Date): Claim | S3Error => {
  const header = single(headers.authorization);
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
  return readHeaderClaim(header, headers, now);
};

const SCOPE = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/;
const AMZ_DATE = /^(\d{8})T\d{6}Z$/;

const parseScope = (credential: string) => {
  const match = SCOPE.exec(credential);
  if (match === null) return undefined;
  const [, accessKeyId = '', date = '', region = '', service = ''] = match;
  return { accessKeyId, scope: { date, region, service } };
};

export const amzDateToDate = (amzDate: string): Date =>
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

const readPresignedClaim = (query: Query, now: Date): Claim | S3Error => {
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
