import type { ApiKeyRecord } from '../domain/open311/api-keys.ts';
import type { ArrivalStep } from '../domain/open311/token-bucket.ts';
import type { Page, PageOptions } from './registry-store.ts';

/**
 * API keys of Open311 clients and their rate-limit buckets. Access patterns: a key by id (every
 * Open311 write), all keys newest first (admins), a key's rate-limit state by id.
 */
export interface ApiKeyStore {
  /** ConflictError when the id exists. */
  create(record: ApiKeyRecord): Promise<void>;
  get(id: string): Promise<ApiKeyRecord | undefined>;
  list(options: PageOptions): Promise<Page<ApiKeyRecord>>;
  /** False when the key was no longer active (already revoked). */
  markRevoked(id: string, at: string, by: string): Promise<boolean>;
  /**
   * One request against the key's rate limit (token-bucket.ts), applied atomically: `advanced` when
   * it conforms (and is counted), else the theoretical arrival time that refused it.
   */
  takeArrival(id: string, step: ArrivalStep): Promise<'advanced' | { tat: number }>;
}
