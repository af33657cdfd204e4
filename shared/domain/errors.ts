/**
 * Typed domain errors. Domain code throws these; the HTTP middleware maps each one, once, to an
 * RFC 9457 problem+json response. Anything else becomes a generic 500 without internals.
 */

/** One failing field of a request, as reported in the problem document's `errors` member. */
export interface FieldError {
  /** JSON-pointer-like path of the failing field, e.g. `/readings/0/quantity`. */
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** Stable machine-readable code; becomes the problem `type` suffix. */
  abstract readonly code: string;
  /** Short zh-CN title with English beside it, shown to the people using the platform. */
  abstract readonly title: string;
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly code = 'validation-failed';
  readonly title = '请求数据无效 (validation failed)';
  readonly errors: FieldError[];
  constructor(message: string, errors: FieldError[] = []) {
    super(message);
    this.name = 'ValidationError';
    this.errors = errors;
  }
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly code = 'unauthorized';
  readonly title = '未认证 (unauthorized)';
  override name = 'UnauthorizedError';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'forbidden';
  readonly title = '无权操作 (forbidden)';
  override name = 'ForbiddenError';
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not-found';
  readonly title = '未找到 (not found)';
  override name = 'NotFoundError';
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'conflict';
  readonly title = '状态冲突 (conflict)';
  override name = 'ConflictError';
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly code = 'payload-too-large';
  readonly title = '请求体过大 (payload too large)';
  override name = 'PayloadTooLargeError';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly code = 'unsupported-media-type';
  readonly title = '不支持的媒体类型 (unsupported media type)';
  override name = 'UnsupportedMediaTypeError';
}

/** The request is well-formed but cannot be processed as asked (e.g. idempotency key reused). */
export class UnprocessableError extends DomainError {
  readonly status = 422;
  readonly code = 'unprocessable';
  readonly title = '无法处理的请求 (unprocessable content)';
  override name = 'UnprocessableError';
  /** The fields that make it unprocessable, e.g. a date range longer than allowed. */
  readonly errors: FieldError[];
  constructor(message: string, errors: FieldError[] = []) {
    super(message);
    this.errors = errors;
  }
}
