import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { CognitoIdentityAdmin } from '../../shared/adapters/cognito/identity-admin.ts';
import { DynamoRoleChangeLog } from '../../shared/adapters/dynamodb/role-change-log.ts';
import { DynamoUserDirectory } from '../../shared/adapters/dynamodb/user-directory.ts';
import { LocalIdentityAdmin } from '../../shared/adapters/local/users-file.ts';
import type { UsersContext } from '../../shared/application/registry/registry-ports.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { ENV, requireEnv, tableName } from '../../shared/config/env.ts';
import type { IdentityAdmin } from '../../shared/ports/identity-admin.ts';
import { registryContext } from './registry-context.ts';

export type { UsersContext };

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
