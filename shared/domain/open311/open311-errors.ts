import { DomainError, UnprocessableError, ValidationError } from '../errors.ts';
import { RateLimitedError } from './api-keys.ts';

/**
 * Errors as GeoReport v2 answers them: `[{code, description}]` with the HTTP status 404 for what
 * does not exist, 403 for a missing or bad api_key and 400 for any other request that cannot be
 * fulfilled; the body's `code` may be more specific (409, 413, 415, 422), as the spec allows. Two
 * statuses are our own: 429 for a key over its rate limit (the brief's), and 500 for our faults —
 * a fault of ours is no bad request, and the API's 5xx alarm must see it.
 */
export type Open311Error = {
  code: number;
  description: string;
};

export interface Open311Failure {
  status: number;
  errors: Open311Error[];
  retryAfterSeconds?: number;
}

const SPEC_STATUSES = new Set([400, 403, 404]);

/** `/body/service_code` → `service_code`: clients know the parameter, not our paths. */
const parameterName = (path: string): string => path.replace(/^\/(body|query|path|header)\//, '');

const describe = (error: DomainError): Open311Error[] => {
  const fields = error instanceof ValidationError || error instanceof UnprocessableError ? error.errors : [];
  if (fields.length === 0) return [{ code: error.status, description: error.message }];
  return fields.map(({ path, message }) => ({
    code: error.status,
    description: `${parameterName(path)}: ${message}`,
  }));
};

export const open311Failure = (error: unknown): Open311Failure => {
  if (error instanceof RateLimitedError) {
    return { status: 429, errors: describe(error), retryAfterSeconds: error.retryAfterSeconds };
  }
  if (error instanceof DomainError && error.status < 500) {
    return { status: SPEC_STATUSES.has(error.status) ? error.status : 400, errors: describe(error) };
  }
  return {
    status: 500,
    errors: [
      {
        code: 500,
        description:
          '请求未能完成，已记录在日志中，稍后重试或许可行 (the request could not be completed; it has been logged, retrying later may help)',
      },
    ],
  };
};
