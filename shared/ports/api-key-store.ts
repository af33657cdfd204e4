import type { ApiKeyRecord } from '../domain/open311/api-keys.ts';
import type { BucketState } from '../domain/open311/token-bucket.ts';
import type { Page, PageOptions } from './registry-store.ts';

/** A key's bucket as stored, with the version a write must find (optimistic, like every record here). */
export interface StoredBucket {
  state?: BucketState;
  version: number;
}

/**
 * API keys of Open311 clients and their rate-limit buckets. Access patterns: a key by id (every
 * Open311 write), all keys newest first (admins), a key's bucket by id.
 */
export interface ApiKeyStore {
  /** ConflictError when the id exists. */
  create(record: ApiKeyRecord): Promise<void>;
  get(id: string): Promise<ApiKeyRecord | undefined>;
  list(options: PageOptions): Promise<Page<ApiKeyRecord>>;
  /** False when the key was no longer active (already revoked). */
  markRevoked(id: string, at: string, by: string): Promise<boolean>;
  readBucket(id: string): Promise<StoredBucket>;
  /** Writes the next state if the bucket is still at `version`; false when another request won. */
  writeBucket(id: string, state: BucketState, version: number): Promise<boolean>;
}
