import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkPostPolicy, type PostForm, s3ErrorXml } from './s3-post-policy.ts';

/** S3 refuses POST uploads above 5 GB; the proxy buffers a form, so it refuses early beyond that. */
const MAX_POST_BYTES = 5 * 1024 ** 3;

export interface RunningS3Proxy {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * The S3 endpoint of the local runtime: passes every request through to s3rver unchanged, except
 * browser POST uploads (`POST /{bucket}` with a multipart form), whose policy it enforces as S3
 * does first (s3rver ignores policies, so a presigned slot would otherwise accept anything).
 */
export const startS3PolicyProxy = async (options: {
  port: number;
  upstream: string;
  secretOf: (accessKeyId: string) => string | undefined;
  now?: () => Date;
}): Promise<RunningS3Proxy> => {
  const upstream = new URL(options.upstream);
  const now = options.now ?? (() => new Date());
  const server = createServer((req, res) => {
    const bucket = postUploadBucket(req);
    const handled =
      bucket === undefined
        ? forward(req, res, upstream)
        : enforcePolicy(req, res, bucket, upstream, options.secretOf, now);
    handled.catch((error: unknown) => {
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

/** The bucket of a path-style browser upload, or undefined for any other request. */
const postUploadBucket = (req: IncomingMessage): string | undefined => {
  if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    return undefined;
  }
  const match = new URL(req.url ?? '/', 'http://local').pathname.match(/^\/([^/]+)\/?$/);
  return match?.[1];
};

const forward = (req: IncomingMessage, res: ServerResponse, upstream: URL, body?: Buffer) =>
  new Promise<void>((resolve, reject) => {
    const outgoing = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', resolve);
        answer.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (body === undefined) req.pipe(outgoing);
    else outgoing.end(body);
  });

const enforcePolicy = async (
  req: IncomingMessage,
  res: ServerResponse,
  bucket: string,
  upstream: URL,
  secretOf: (accessKeyId: string) => string | undefined,
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
  const raw = Buffer.concat(chunks);
  const form = await readForm(raw, req.headers['content-type'] ?? '');
  if (form === undefined) {
    return refuse(res, {
      status: 400,
      code: 'InvalidArgument',
      message: 'POST requires exactly one file upload per request.',
    });
  }
  const error = checkPostPolicy(form, bucket, now(), secretOf);
  if (error) return refuse(res, error);
  await forward(req, res, upstream, raw);
};

/** Fields up to the file (S3 ignores fields after it) and the file's size. */
const readForm = async (raw: Buffer, contentType: string): Promise<PostForm | undefined> => {
  const data = await new Request('http://local/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: raw,
  }).formData();
  const fields = new Map<string, string>();
  for (const [name, value] of data.entries()) {
    if (name.toLowerCase() === 'file') {
      return { fields, fileSize: typeof value === 'string' ? Buffer.byteLength(value) : value.size };
    }
    if (typeof value === 'string') fields.set(name, value);
  }
  return undefined;
};

const refuse = (res: ServerResponse, error: Parameters<typeof s3ErrorXml>[0]) => {
  res.writeHead(error.status, { 'content-type': 'application/xml', 'access-control-allow-origin': '*' });
  res.end(s3ErrorXml(error, randomUUID()));
};
