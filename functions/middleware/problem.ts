import type { z } from 'zod';
import { PROBLEM_TYPE_BASE, type Problem } from '../../shared/contracts/problem.ts';
import {
  DomainError,
  type FieldError,
  UnprocessableError,
  ValidationError,
} from '../../shared/domain/errors.ts';

/** zod issues → the `errors` member of a 400 problem, with JSON-pointer paths. */
export const fieldErrorsFromZod = (error: z.ZodError, prefix = ''): FieldError[] =>
  error.issues.map((issue) => ({
    path: `${prefix}/${issue.path.map((segment) => String(segment)).join('/')}`.replace(/\/$/, '') || '/',
    message: issue.message,
  }));

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
        ? { errors: error.errors }
        : {}),
    };
  }
  return {
    type: `${PROBLEM_TYPE_BASE}internal`,
    title: '服务器内部错误 (internal server error)',
    status: 500,
    detail: 'The request could not be completed. It has been logged; retrying later may help.',
    ...(instance === undefined ? {} : { instance }),
  };
};
