import { DomainError } from '../errors.ts';
import type { RateLimit } from './token-bucket.ts';

/**
 * API keys of Open311 clients (docs/open311.md). A key reads `qs311_<id>_<secret>`: the id finds
 * the record, the secret (32 random bytes) is checked against its SHA-256, the only form stored.
 * A key is shown once, when an admin issues it; revoked keys stay on record, refused.
 */
export const API_KEY_STATUSES = ['active', 'revoked'] as const;
export type ApiKeyStatus = (typeof API_KEY_STATUSES)[number];

export interface ApiKeyRecord extends RateLimit {
  id: string;
  clientName: string;
  /** `sha256:<hex>` of the secret part. */
  secretHash: string;
  status: ApiKeyStatus;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
}

/** What admins see of a key: everything but its hash. */
export type ApiKeyView = Omit<ApiKeyRecord, 'secretHash'>;

export const apiKeyView = ({ secretHash: _hash, ...view }: ApiKeyRecord): ApiKeyView => view;

const PREFIX = 'qs311';
const KEY_PATTERN = /^qs311_([0-9A-HJKMNP-TV-Z]{26})_([A-Za-z0-9_-]{43})$/;

export const composeApiKey = (id: string, secret: string): string => `${PREFIX}_${id}_${secret}`;

/** The id and secret of a well-formed key, or undefined (answered like an unknown key). */
export const parseApiKey = (key: string): { id: string; secret: string } | undefined => {
  const found = KEY_PATTERN.exec(key.trim());
  return found === null ? undefined : { id: found[1] ?? '', secret: found[2] ?? '' };
};

/** Too many requests through one key: 429, with the seconds until a token is back. */
export class RateLimitedError extends DomainError {
  readonly status = 429;
  readonly code = 'rate-limited';
  readonly title = '请求过于频繁 (too many requests)';
  override name = 'RateLimitedError';
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
