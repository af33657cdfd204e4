import type { Clock } from '../../config/clock.ts';
import type { IdentityAdmin, RoleChangeLog } from '../../ports/identity-admin.ts';
import type { RegistryReader, RegistryWriter } from '../../ports/registry-store.ts';
import type { UserDirectory } from '../../ports/user-directory.ts';

/** What the registry commands need; the handlers wire DynamoDB, tests may wire anything that fits. */
export interface RegistryContext {
  reader: RegistryReader;
  writer: RegistryWriter;
  clock: Clock;
  /** Randomness for server-assigned ids (ULID-like, shared/domain/registry/registry-id.ts). */
  random: (bytes: number) => Uint8Array;
  /** The deployment's Handle prefix, e.g. 88.118.8. */
  identifierPrefix: string;
}

/** What the user-role commands need; `identity` is absent where an external OIDC issuer keeps the users. */
export interface UsersContext {
  identity: IdentityAdmin | undefined;
  log: RoleChangeLog;
  /** The staff directory (notifications) follows a role change, for people who have an entry. */
  staff: UserDirectory;
  registry: RegistryReader;
  clock: Clock;
}
