import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodePostForm, isMultipartForm, readPostForm } from './s3-post-form.ts';
import { checkPostPolicy, type S3Error, s3ErrorXml } from './s3-post-policy.ts';
import { type SecretOf, verifySigV4 } from './s3-sigv4.ts';

/** S3 refuses POST uploads above 5 GB; the proxy buffers a form, so it refuses early beyond that. */
const MAX_POST_BYTES = 5 * 1024 ** 3;

export interface RunningS3Proxy {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * The S3 endpoint of the local runtime, in front of s3rver (which accepts anything unsigned and
 * checks neither SigV4 nor POST policies). As S3 does, it answers a CORS preflight unsigned, checks
 * a browser POST upload against its policy (and forwards the form exactly as checked), and refuses
 * every other request that does not carry a valid SigV4 signature by a known key: 403 AccessDenied,
 * SignatureDoesNotMatch or InvalidAccessKeyId, in S3's XML.
 */
export const startS3PolicyProxy = async (options: {
  port: number;
  upstream: string;
  secretOf: SecretOf;
  now?: () => Date;
}): Promise<RunningS3Proxy> => {
  const upstream = new URL(options.upstream);
  const now = options.now ?? (() => new Date());
  const server = createServer((req, res) => {
    handle(req, res, upstream, options.secretOf, now).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/xml' });
      res.end(s3ErrorXml({ status: 500, code: 'InternalError', message: String(error) }, randomUUID()));
    });
  });
  // A busy port must reject (npm start then names it), not crash the process with an 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

const handle = async (
  req: IncomingMessage,
  res: ServerResponse,
  upstream: URL,
  secretOf: SecretOf,
  now: () => Date,
) => {
  // A preflight carries no credentials, in S3 as anywhere: the bucket's CORS rules answer it.
  if (req.method === 'OPTIONS') return forward(req, res, upstream);
  const bucket = browserUploadBucket(req);
  if (bucket !== undefined) return enforcePolicy(req, res, bucket, upstream, secretOf, now);
  const refused = await verifySigV4(
    { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers },
    secretOf,
    now(),
  );
  if (refused === undefined) return forward(req, res, upstream);
  req.resume();
  refuse(res, refused);
};

/** The bucket of a path-style browser upload (an unsigned multipart POST to a bucket), else undefined. */
const browserUploadBucket = (req: IncomingMessage): string | undefined => {
  if (req.method !== 'POST' || req.headers.authorization !== undefined) return undefined;
  if (!isMultipartForm(req.headers['content-type'])) return undefined;
  const url = new URL(req.url ?? '/', 'http://local');
  if (url.searchParams.has('X-Amz-Algorithm')) return undefined;
  return url.pathname.match(/^\/([^/]+)\/?$/)?.[1];
};

/** Passes the request to s3rver, or a replacement body (the form as checked) with its headers. */
const forward = (
  req: IncomingMessage,
  res: ServerResponse,
  upstream: URL,
  replaced?: { body: Buffer; contentType: string },
) =>
  new Promise<void>((resolve, reject) => {
    const { 'content-length': _length, 'transfer-encoding': _encoding, ...rest } = req.headers;
    const headers =
      replaced === undefined
        ? req.headers
        : { ...rest, 'content-type': replaced.contentType, 'content-length': String(replaced.body.length) };
    const outgoing = request(
      { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', resolve);
        answer.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (replaced === undefined) req.pipe(outgoing);
    else outgoing.end(replaced.body);
  });

const enforcePolicy = async (
  req: IncomingMessage,
  res: ServerResponse,
  bucket: string,
  upstream: URL,
  secretOf: SecretOf,
  now: () => Date,
) => {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_POST_BYTES) {
    req.resume();
    return refuse(res, {
      status: 400,
      code: 'EntityTooLarge',
      message: 'Your proposed upload exceeds the maximum allowed size',
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const form = await readPostForm(Buffer.concat(chunks), req.headers['content-type'] ?? '');
  if ('status' in form) return refuse(res, form);
  const policyForm = { fields: form.fields, fileSize: form.file.data.length };
  const error = checkPostPolicy(policyForm, bucket, now(), secretOf);
  if (error) return refuse(res, error);
  await forward(req, res, upstream, await encodePostForm(form));
};

const refuse = (res: ServerResponse, error: S3Error) => {
  res.writeHead(error.status, { 'content-type': 'application/xml', 'access-control-allow-origin': '*' });
  res.end(s3ErrorXml(error, randomUUID()));
};
