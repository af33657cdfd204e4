import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { CognitoIdentityAdmin } from '../../shared/adapters/cognito/identity-admin.ts';
import { DynamoRoleChangeLog } from '../../shared/adapters/dynamodb/role-change-log.ts';
import { DynamoUserDirectory } from '../../shared/adapters/dynamodb/user-directory.ts';
import { LocalIdentityAdmin } from '../../shared/adapters/local/users-file.ts';
import { type Clock, systemClock } from '../../shared/config/clock.ts';
import { ENV, requireEnv, tableName } from '../../shared/config/env.ts';
import type { IdentityAdmin, RoleChangeLog } from '../../shared/ports/identity-admin.ts';
import type { RegistryReader } from '../../shared/ports/registry-store.ts';
import type { UserDirectory } from '../../shared/ports/user-directory.ts';
import { registryContext } from './registry-context.ts';

/** What the user-role routes need; `identity` is absent where an external OIDC issuer keeps the users. */
export interface UsersContext {
  identity: IdentityAdmin | undefined;
  log: RoleChangeLog;
  /** The staff directory (notifications) follows a role change, for people who have an entry. */
  staff: UserDirectory;
  registry: RegistryReader;
  clock: Clock;
}

const identityAdmin = (): IdentityAdmin | undefined => {
  const kind = process.env[ENV.userDirectory];
  if (kind === 'cognito')
    return new CognitoIdentityAdmin(new CognitoIdentityProviderClient({}), requireEnv(ENV.userPoolId));
  if (kind === 'local') return new LocalIdentityAdmin(requireEnv(ENV.localUsersFile));
  return undefined;
};

let context: UsersContext | undefined;

export const usersContext = (): UsersContext => {
  if (context === undefined) {
    const documents = getDocumentClient();
    const table = tableName('registry');
    context = {
      identity: identityAdmin(),
      log: new DynamoRoleChangeLog(documents, table),
      staff: new DynamoUserDirectory(documents, table),
      registry: registryContext().reader,
      clock: systemClock,
    };
  }
  return context;
};
