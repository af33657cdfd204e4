import { createHmac } from 'node:crypto';

/**
 * What S3 checks on a browser POST upload (SigV4), which s3rver skips entirely: the signature over
 * the base64 policy, the policy's expiration, every condition, and that no form field escapes the
 * conditions. Semantics from the S3 API reference, "POST Policy"
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html) and
 * "Calculating a Signature" for POST (the policy is the string to sign).
 */

/** An S3 error as the service would answer it: status, code, message and extra XML elements. */
export interface S3Error {
  status: number;
  code: string;
  message: string;
  extra?: Record<string, string | number>;
}

/** What the policy is checked against: the fields before the file and the file's size. */
export interface PolicyForm {
  /** Form fields before the file (S3 matches field names case-insensitively). */
  fields: ReadonlyMap<string, string>;
  fileSize: number;
}

/** Fields the policy need not mention (S3: the signature, the file, the policy, `x-ignore-*`). */
const exempt = (name: string) =>
  name === 'x-amz-signature' || name === 'file' || name === 'policy' || name.startsWith('x-ignore-');

const denied = (message: string): S3Error => ({
  status: 403,
  code: 'AccessDenied',
  message: `Invalid according to Policy: ${message}`,
});

type Condition = Record<string, unknown> | unknown[];

const signingKey = (secret: string, date: string, region: string, service: string) => {
  const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update('aws4_request').digest();
};

/** The signature over the base64 policy, with the key derived from the credential scope. */
const checkSignature = (
  fields: ReadonlyMap<string, string>,
  secretOf: (accessKeyId: string) => string | undefined,
): S3Error | undefined => {
  const policy = fields.get('policy');
  const credential = fields.get('x-amz-credential');
  const signature = fields.get('x-amz-signature');
  if (policy === undefined || credential === undefined || signature === undefined) {
    return { status: 403, code: 'AccessDenied', message: 'Access Denied' };
  }
  if (fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') {
    return { status: 400, code: 'InvalidRequest', message: 'unsupported x-amz-algorithm' };
  }
  const [accessKeyId = '', date = '', region = '', service = ''] = credential.split('/');
  const secret = secretOf(accessKeyId);
  if (secret === undefined) {
    return {
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    };
  }
  const expected = createHmac('sha256', signingKey(secret, date, region, service))
    .update(policy)
    .digest('hex');
  if (expected !== signature.toLowerCase()) {
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  }
  return undefined;
};

/** One condition against the form; `bucket` comes from the URL, not from a field. */
const checkCondition = (condition: Condition, value: (name: string) => string | undefined): boolean => {
  if (!Array.isArray(condition)) {
    return Object.entries(condition).every(([name, expected]) => value(name) === String(expected));
  }
  const [operator, subject, operand] = condition;
  if (operator === 'content-length-range') return true; // checked with its own error codes
  const name = String(subject).replace(/^\$/, '');
  const actual = value(name);
  if (actual === undefined) return false;
  if (operator === 'eq') return actual === String(operand);
  if (operator === 'starts-with') return actual.startsWith(String(operand));
  return false; // an operator S3 does not know never matches
};

const checkLength = (conditions: Condition[], size: number): S3Error | undefined => {
  for (const condition of conditions) {
    if (!Array.isArray(condition) || condition[0] !== 'content-length-range') continue;
    const [min, max] = [Number(condition[1]), Number(condition[2])];
    if (size > max) {
      return {
        status: 400,
        code: 'EntityTooLarge',
        message: 'Your proposed upload exceeds the maximum allowed size',
        extra: { ProposedSize: size, MaxSizeAllowed: max },
      };
    }
    if (size < min) {
      return {
        status: 400,
        code: 'EntityTooSmall',
        message: 'Your proposed upload is smaller than the minimum allowed size',
        extra: { ProposedSize: size, MinSizeAllowed: min },
      };
    }
  }
  return undefined;
};

const mentionedFields = (conditions: Condition[]): Set<string> =>
  new Set(
    conditions.flatMap((condition) =>
      Array.isArray(condition)
        ? condition[0] === 'content-length-range'
          ? []
          : [String(condition[1]).replace(/^\$/, '').toLowerCase()]
        : Object.keys(condition).map((name) => name.toLowerCase()),
    ),
  );

/** Undefined when S3 would accept the upload; otherwise the error S3 would answer. */
export const checkPostPolicy = (
  form: PolicyForm,
  bucket: string,
  now: Date,
  secretOf: (accessKeyId: string) => string | undefined,
): S3Error | undefined => {
  const fields = new Map([...form.fields].map(([name, value]) => [name.toLowerCase(), value]));
  const unsigned = checkSignature(fields, secretOf);
  if (unsigned) return unsigned;
  let policy: { expiration?: string; conditions?: Condition[] };
  try {
    policy = JSON.parse(Buffer.from(fields.get('policy') ?? '', 'base64').toString('utf8'));
  } catch {
    return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' };
  }
  const expiration = Date.parse(policy.expiration ?? '');
  if (Number.isNaN(expiration) || !Array.isArray(policy.conditions)) {
    return {
      status: 400,
      code: 'InvalidPolicyDocument',
      message: 'Invalid Policy: missing expiration or conditions.',
    };
  }
  if (expiration < now.getTime()) return denied('Policy expired.');
  const value = (name: string) => (name.toLowerCase() === 'bucket' ? bucket : fields.get(name.toLowerCase()));
  const failed = policy.conditions.find((c) => !checkCondition(c, value));
  if (failed) return denied(`Policy Condition failed: ${JSON.stringify(failed)}`);
  const mentioned = mentionedFields(policy.conditions);
  const extra = [...fields.keys()].filter((name) => !exempt(name) && !mentioned.has(name));
  if (extra.length > 0) return denied(`Extra input fields: ${extra.join(', ')}`);
  return checkLength(policy.conditions, form.fileSize);
};

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The XML body S3 answers errors with. */
export const s3ErrorXml = (error: S3Error, requestId: string): string => {
  const extra = Object.entries(error.extra ?? {})
    .map(([name, v]) => `<${name}>${escapeXml(String(v))}</${name}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message>${extra}<RequestId>${requestId}</RequestId></Error>`;
};
