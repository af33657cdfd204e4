import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from '../../shared/domain/errors.ts';
import { open311Failure } from '../../shared/domain/open311/open311-errors.ts';
import {
  CONTENT_TYPES,
  type Open311Format,
  requestedFormat,
} from '../../shared/domain/open311/open311-format.ts';
import { type Open311Value, toJsonDocument, toXmlDocument } from '../../shared/domain/open311/open311-xml.ts';
import { logger } from '../../shared/observability/logger.ts';
import { publishMetrics } from '../../shared/observability/metrics.ts';
import { traceInvocation } from '../../shared/observability/tracer.ts';
import './problem.ts';

type Result = APIGatewayProxyStructuredResultV2;

/** A form of a GeoReport v2 POST is a few kilobytes; 64 KB leaves room for a long description. */
export const MAX_FORM_BYTES = 64 * 1024;

export interface Open311Request {
  format: Open311Format;
  query: Readonly<Record<string, string | undefined>>;
  params: Readonly<Record<string, string | undefined>>;
  /** The form of a POST (application/x-www-form-urlencoded). */
  form: () => URLSearchParams;
  /** `https://host` of the request, for the discovery document. */
  origin: string;
  headers: Readonly<Record<string, string | undefined>>;
}

export interface Open311Answer {
  /** The XML root element; in JSON the value stands alone. */
  root: string;
  value: Open311Value;
  status?: number;
}

/**
 * The middy stack of the Open311 facade (docs/open311.md): the format is settled first (suffix,
 * `format`, else XML), then the implementation runs; errors become the spec's `[{code,
 * description}]` in that format, in exactly one place. No JWT: these routes are public, and the
 * implementation checks the api_key where one is required.
 */
export const open311Handler = (implementation: (request: Open311Request) => Promise<Open311Answer>) =>
  middy<APIGatewayProxyEventV2, Result>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(traceInvocation())
    .use(publishMetrics())
    .use(open311Errors())
    .handler(async (event) => {
      const format = requestedFormat(event.rawPath, event.queryStringParameters?.format);
      const answer = await implementation({
        format,
        query: event.queryStringParameters ?? {},
        params: event.pathParameters ?? {},
        form: () => readForm(event),
        origin: originOf(event),
        headers: event.headers ?? {},
      });
      return render(answer.status ?? 200, format, answer.root, answer.value);
    });

const render = (
  status: number,
  format: Open311Format,
  root: string,
  value: Open311Value,
  headers = {},
): Result => ({
  statusCode: status,
  headers: { 'content-type': CONTENT_TYPES[format], ...headers },
  body: format === 'xml' ? toXmlDocument(root, value) : toJsonDocument(value),
});

/** The format of an error: as asked, or XML when the format itself was what was wrong. */
const errorFormat = (event: APIGatewayProxyEventV2): Open311Format => {
  try {
    return requestedFormat(event.rawPath, event.queryStringParameters?.format);
  } catch {
    return 'xml';
  }
};

const open311Errors = (): MiddlewareObj<APIGatewayProxyEventV2, Result> => ({
  onError: (request) => {
    const failure = open311Failure(request.error);
    if (failure.status >= 500) logger.error('request failed', { error: request.error as Error });
    else logger.info('request refused', { status: failure.status, errors: failure.errors });
    const headers =
      failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
    request.response = render(failure.status, errorFormat(request.event), 'errors', failure.errors, headers);
  },
});

const readForm = (event: APIGatewayProxyEventV2): URLSearchParams => {
  const contentType = event.headers?.['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    throw new UnsupportedMediaTypeError(
      '请求体须为 application/x-www-form-urlencoded (send the form as application/x-www-form-urlencoded)',
    );
  }
  const raw = event.body ?? '';
  // API Gateway's HTTP API may hand a form over base64-encoded; the local gateway as text.
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_FORM_BYTES) {
    throw new PayloadTooLargeError(
      `表单最多 ${MAX_FORM_BYTES} 字节 (the form may be at most ${MAX_FORM_BYTES} bytes)`,
    );
  }
  return new URLSearchParams(text);
};

/** The scheme is https behind API Gateway; the local gateway serves plain http on the loopback. */
const originOf = (event: APIGatewayProxyEventV2): string => {
  const host = event.headers?.host ?? event.requestContext.domainName;
  const local = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host);
  return `${local ? 'http' : 'https'}://${host}`;
};
