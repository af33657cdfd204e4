import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { toProblem } from '../../functions/middleware/problem.ts';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, type Problem } from '../../shared/contracts/problem.ts';
import { PayloadTooLargeError, ValidationError } from '../../shared/domain/errors.ts';
import { API_CORS } from '../manifest.ts';
import type { MalformedPathError } from './gateway-event.ts';

/**
 * What the gateway refuses on its own, before any function runs: a malformed path, headers or a
 * body over API Gateway's limits. Each is an RFC 9457 problem like the functions' own refusals, and
 * each leaves the connection either usable or closed cleanly (`Connection: close`), never reset.
 */

/** HTTP API's payload limit. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
/** Request line and headers together (Node's parser limit, set explicitly on the server). */
export const MAX_HEADER_BYTES = 16 * 1024;

export const corsHeaders = { 'access-control-allow-origin': API_CORS.allowOrigins.join(',') };

export const sendProblem = (res: ServerResponse, problem: Problem, headers: Record<string, string> = {}) => {
  const body = JSON.stringify(problem);
  res.writeHead(problem.status, {
    ...corsHeaders,
    ...headers,
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
};

export const malformedPathProblem = (error: MalformedPathError, path: string): Problem =>
  toProblem(
    new ValidationError('路径含无效的百分号编码 (malformed percent-encoding in the path)', [
      {
        path: `/path/${error.parameter}`,
        message: '无效的百分号编码，% 后应为两位十六进制数且组成合法的 UTF-8 (malformed percent-encoding)',
      },
    ]),
    path,
  );

export const payloadTooLargeProblem = (path: string): Problem =>
  toProblem(
    new PayloadTooLargeError(
      `请求体超过 ${MAX_PAYLOAD_BYTES / 1024 / 1024} MB (the body exceeds the ${MAX_PAYLOAD_BYTES / 1024 / 1024} MB payload limit)`,
    ),
    path,
  );

/** The declared body length when it is already known to be over the limit. */
export const declaredTooLarge = (req: IncomingMessage): boolean =>
  Number(req.headers['content-length'] ?? 0) > MAX_PAYLOAD_BYTES;

/**
 * The whole body, or undefined when it is over the limit. An oversized body is still read to its
 * end (and dropped): stopping early would destroy the socket, and the client's next request on the
 * same keep-alive connection would be reset.
 */
export const readBody = (req: IncomingMessage): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > MAX_PAYLOAD_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * Node's parser refuses a request before the gateway sees it (headers over MAX_HEADER_BYTES, bad
 * syntax): answer as a problem on the raw socket and close it; Node's default is a bare status line.
 */
export const answerClientError = (error: Error & { code?: string }, socket: Duplex) => {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const problem: Problem = tooLarge
    ? {
        type: `${PROBLEM_TYPE_BASE}request-header-fields-too-large`,
        title: '请求头过大 (request header fields too large)',
        status: 431,
        detail: `请求行与请求头合计不得超过 ${MAX_HEADER_BYTES / 1024} KB (the request line and headers may total at most ${MAX_HEADER_BYTES / 1024} KB)`,
      }
    : {
        type: `${PROBLEM_TYPE_BASE}bad-request`,
        title: '请求格式错误 (bad request)',
        status: 400,
        detail: '无法解析此 HTTP 请求 (the HTTP request could not be parsed)',
      };
  const body = JSON.stringify(problem);
  const reason = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${problem.status} ${reason}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `Access-Control-Allow-Origin: ${corsHeaders['access-control-allow-origin']}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
};
