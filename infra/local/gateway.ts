import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isPublicRoute } from '../../shared/contracts/route.ts';
import { API_CORS, httpRoutes } from '../manifest.ts';
import {
  answerClientError,
  corsHeaders,
  declaredTooLarge,
  MAX_HEADER_BYTES,
  malformedPathProblem,
  payloadTooLargeProblem,
  readBody,
  sendProblem,
} from './gateway-edges.ts';
import {
  buildEvent,
  compileRoute,
  findRoute,
  flattenClaims,
  type IncomingRequest,
  MalformedPathError,
} from './gateway-event.ts';
import type { LocalFunction } from './local-function.ts';
import type { LocalIssuer } from './local-issuer.ts';

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

export interface GatewayOptions {
  port: number;
  functions: ReadonlyMap<string, LocalFunction>;
  issuer: LocalIssuer;
  /**
   * Served before the API routes, each answering true when it took the request: the local OIDC
   * endpoints and the web app's files (on AWS, Cognito and CloudFront serve these).
   */
  extraHandlers?: readonly ((req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>)[];
  log?: (line: string) => void;
}

/**
 * How long a kept-alive connection may sit idle before the gateway closes it (Node's default is
 * 5 s). Every new connection is costly here: libuv accepts one connection per turn of the event
 * loop (since libuv 1.45, "unix: don't accept() connections in a loop", PR #3696), and this loop
 * also runs every handler, so under load a turn takes tens of milliseconds and the 50th of 50
 * clients reconnecting at once waits about a second before its request is even read
 * (docs/performance.md, "Fifth pass"). A client that pauses for a few seconds, as a phone does
 * between two screens, now finds its connection still open. `stop()` closes idle ones itself.
 */
const IDLE_CONNECTION_MS = 60_000;

/**
 * Stands in for API Gateway's HTTP API: routes from the manifest, the JWT authorizer on every
 * non-public route, payload-2.0 events, and API Gateway's own terse answers for what it refuses.
 */
export const startGateway = async (options: GatewayOptions): Promise<RunningGateway> => {
  const matchers = httpRoutes().map(({ fn, route }) => {
    const target = options.functions.get(fn.id);
    if (target === undefined) throw new Error(`no local function ${fn.id}`);
    return compileRoute(route, target);
  });
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    handle(req, res, matchers, options)
      .catch(() => send(res, 500, { message: 'Internal Server Error' }))
      .finally(() => options.log?.(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
  };
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, onRequest);
  server.on('clientError', answerClientError);
  // `Expect: 100-continue` (curl sends it above 1 MB): refuse an oversized body before it is sent.
  server.on('checkContinue', (req, res) => {
    if (!declaredTooLarge(req)) {
      res.writeContinue();
      return onRequest(req, res);
    }
    sendProblem(res, payloadTooLargeProblem(req.url ?? '/'), { connection: 'close' });
  });
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  // A busy port must reject (npm start then names it), not crash the process with an 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

type Matchers = ReturnType<typeof compileRoute<LocalFunction>>[];

const handle = async (
  req: IncomingMessage,
  res: ServerResponse,
  matchers: Matchers,
  options: GatewayOptions,
) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') return preflight(res);
  if (method === 'GET' && url.pathname === '/.well-known/jwks.json')
    return send(res, 200, options.issuer.jwks());
  if (await servedByExtra(req, res, url, options)) return;
  const found = routeOf(res, matchers, method, url.pathname);
  if (found === undefined) return;
  const body = await readBody(req);
  if (body === undefined) return sendProblem(res, payloadTooLargeProblem(url.pathname));
  const claims = await claimsOf(req, found.matcher.route, options.issuer);
  if (claims === 'refused') return send(res, 401, { message: 'Unauthorized' });
  const request: IncomingRequest = {
    method,
    path: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers: normalizeHeaders(req),
    body,
    sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    now: new Date(),
  };
  const result = await found.matcher.target.invoke(
    buildEvent(request, found.matcher.route, found.params, claims),
  );
  return reply(res, result);
};

/** The route, or undefined once the answer is sent: 400 for a malformed path, 404 for no route. */
const routeOf = (res: ServerResponse, matchers: Matchers, method: string, path: string) => {
  try {
    const found = findRoute(matchers, method, path);
    if (found === undefined) send(res, 404, { message: 'Not Found' });
    return found;
  } catch (error) {
    if (!(error instanceof MalformedPathError)) throw error;
    sendProblem(res, malformedPathProblem(error, path));
    return undefined;
  }
};

/** The JWT authorizer: the token's claims, none on a public route, or 'refused'. */
const claimsOf = async (
  req: IncomingMessage,
  route: Matchers[number]['route'],
  issuer: LocalIssuer,
): Promise<Record<string, string> | undefined | 'refused'> => {
  if (isPublicRoute(route)) return undefined;
  const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const payload = token === undefined ? undefined : await issuer.verify(token);
  return payload === undefined ? 'refused' : flattenClaims(payload);
};

/** The local app and issuer pages (web/dist, /oidc), served before the API's routes. */
const servedByExtra = async (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: GatewayOptions,
) => {
  for (const extra of options.extraHandlers ?? []) if (await extra(req, res, url)) return true;
  return false;
};

const normalizeHeaders = (req: IncomingMessage): Record<string, string> =>
  Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(',') : (value ?? ''),
    ]),
  );

const preflight = (res: ServerResponse) => {
  res.writeHead(204, {
    ...corsHeaders,
    'access-control-allow-methods': API_CORS.allowMethods.join(','),
    'access-control-allow-headers': API_CORS.allowHeaders.join(','),
    'access-control-max-age': String(API_CORS.maxAgeSeconds),
  });
  res.end();
};

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { ...corsHeaders, 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** Payload 2.0 responses: a structured result, or any other value that API Gateway turns into 200 JSON. */
const reply = (res: ServerResponse, result: unknown) => {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    return send(res, 200, result);
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = { ...corsHeaders };
  for (const [name, value] of Object.entries(structured.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  if (structured.cookies !== undefined) headers['set-cookie'] = structured.cookies;
  res.writeHead(structured.statusCode ?? 200, headers);
  const body = structured.body ?? '';
  res.end(structured.isBase64Encoded === true ? Buffer.from(body, 'base64') : body);
};
