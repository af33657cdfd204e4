import { DomainError } from '../../errors.ts';

/** Why a calculation was refused. Each one is a caller's problem, never a silent zero. */
export type AccountingErrorCode =
  | 'unknown-activity'
  | 'unit-mismatch'
  | 'negative-quantity'
  | 'non-finite-number'
  | 'invalid-quantity'
  | 'factor-not-found'
  | 'unknown-region'
  | 'unknown-programme'
  | 'unknown-method'
  | 'invalid-parameter';

const STATUS_BY_CODE: Record<AccountingErrorCode, number> = {
  'unknown-activity': 400,
  'unit-mismatch': 400,
  'negative-quantity': 400,
  'non-finite-number': 400,
  'invalid-quantity': 400,
  'unknown-region': 400,
  'unknown-programme': 400,
  'unknown-method': 400,
  'invalid-parameter': 400,
  // The request is well-formed, but the library has no factor that may be used for it.
  'factor-not-found': 422,
};

/** A calculation the engine refuses; `field` points at the offending input when there is one. */
export class AccountingError extends DomainError {
  readonly status: number;
  readonly code: AccountingErrorCode;
  readonly title = '碳核算无法完成 (carbon accounting failed)';
  readonly field: string | undefined;
  constructor(code: AccountingErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AccountingError';
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.field = field;
  }
}

/**
 * The shipped factor data itself is broken (a deployment bug, not a caller's mistake). It is not a
 * DomainError on purpose, so the HTTP layer answers a generic 500 without internals.
 */
export class FactorDataError extends Error {
  readonly issues: string[];
  constructor(message: string, issues: string[]) {
    super(`${message}: ${issues.join('; ')}`);
    this.name = 'FactorDataError';
    this.issues = issues;
  }
}
