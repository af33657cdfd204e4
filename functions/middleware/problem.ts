import * as z from 'zod';
import { PROBLEM_TYPE_BASE, type Problem } from '../../shared/contracts/problem.ts';
import {
  DomainError,
  type FieldError,
  UnprocessableError,
  ValidationError,
} from '../../shared/domain/errors.ts';
import { bilingualZodMessage, zhFirst } from './zod-messages.ts';

// Every zod message a function produces — contracts parsed by the middleware and payloads parsed
// by the domain alike — reads zh-CN first, with zod's English beside it. Installed here, with the
// mapping of errors to answers, so that any HTTP function has it before it parses anything.
z.config({ localeError: bilingualZodMessage });

/** One JSON-pointer reference token (RFC 6901): `~` and `/` inside a key are escaped. */
const pointerToken = (segment: PropertyKey) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

/** zod issues → the `errors` member of a 400 problem, with JSON-pointer paths under `prefix`. */
export const fieldErrorsFromZod = (error: z.ZodError, prefix = ''): FieldError[] =>
  error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(pointerToken)].join('/') || '/',
    message: zhFirst(issue.message),
  }));

/** The zh-CN lead of a field message written in English only. */
const LEADS: Record<number, string> = { 400: '无效输入', 422: '无法处理' };

/**
 * The one place where errors become HTTP answers. Domain errors keep their status and message;
 * anything else is a 500 that says nothing about internals (the log has the details).
 */
export const toProblem = (error: unknown, instance?: string): Problem => {
  if (error instanceof DomainError) {
    return {
      type: `${PROBLEM_TYPE_BASE}${error.code}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      ...(instance === undefined ? {} : { instance }),
      ...((error instanceof ValidationError || error instanceof UnprocessableError) && error.errors.length > 0
        ? {
            errors: error.errors.map(({ path, message }) => ({
              path,
              message: zhFirst(message, LEADS[error.status]),
            })),
          }
        : {}),
    };
  }
  return {
    type: `${PROBLEM_TYPE_BASE}internal`,
    title: '服务器内部错误 (internal server error)',
    status: 500,
    detail:
      '请求未能完成，已记录在日志中，稍后重试或许可行 (the request could not be completed; it has been logged, retrying later may help)',
    ...(instance === undefined ? {} : { instance }),
  };
};
