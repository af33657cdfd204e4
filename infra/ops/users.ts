/**
 * `npm run users -- add|list|disable|enable …`: the people of a deployment, in its Cognito user pool.
 * Locally (`--local`) the users are the stack's seeded demo users, one per role, and are only listed:
 * their tokens come from the local issuer (tokens.json), not from a pool.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  paginateListUsersInGroup,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoUserDirectory } from '../../shared/adapters/dynamodb/user-directory.ts';
import { ROLES } from '../../shared/domain/roles.ts';
import { findRunningStack } from '../local/running-stacks.ts';
import { tableName } from '../names.ts';
import {
  type ListedUser,
  mergeGroupMembers,
  planAddUser,
  planDirectoryEntry,
  UserCommandError,
} from './user-commands.ts';

const USAGE = `npm run users -- <command> [options]
  add <username> --email <address> --group <role>[,<role>…] [--department <id>] [--enterprise <id>] [--name <name>]
      [--phone <+86…>] [--temporary-password <p>] [--stage <stage>]
                                     creates the user; Cognito mails the invitation with a temporary password;
                                     with --stage, also their staff directory entry (who is told what,
                                     email and SMS addresses: docs/notifications.md)
  list [--group <role>]              users with their groups, department and status
  disable <username>                 no more sign-ins; refresh tokens revoked (ID/access tokens expire within 1 h)
  enable <username>
Options: --user-pool-id <id> (or QS_USER_POOL_ID; the UserPoolId output of Qingshan-<stage>-Stateful, also
  in SSM /qingshan/<stage>/identity/user-pool-id), --region <region> (or AWS_REGION), credentials as for
  the AWS CLI. --local lists the local stack's demo users instead.
Roles: ${ROLES.join(', ')}; handler and head need --department. An enterprise account (imports its
  own enterprise's data, docs/imports.md): --group enterprise --enterprise ENT-0001.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    group: { type: 'string' },
    department: { type: 'string' },
    enterprise: { type: 'string' },
    name: { type: 'string' },
    phone: { type: 'string' },
    stage: { type: 'string', default: process.env.QS_STAGE },
    'temporary-password': { type: 'string' },
    'user-pool-id': { type: 'string', default: process.env.QS_USER_POOL_ID },
    region: { type: 'string' },
    local: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const printUsers = (users: ListedUser[]): void => {
  const rows = users.map((u) =>
    [u.username, u.groups.join(','), u.department || '-', u.enabled ? u.status : 'DISABLED', u.email].join(
      '  ',
    ),
  );
  console.log(['username  groups  department  status  email', ...rows].join('\n'));
};

/** The local stack's users: the seeded demo users, by role, as users.json in its data folder names them. */
const listLocal = async (): Promise<void> => {
  const projectRoot = resolve(import.meta.dirname, '..', '..');
  const stack = await findRunningStack(projectRoot, values['data-dir']);
  const dataDir =
    typeof stack === 'string' ? resolve(projectRoot, values['data-dir'] ?? '.qingshan') : stack.dataDir;
  const subs = JSON.parse(await readFile(join(dataDir, 'users.json'), 'utf8').catch(() => '{}')) as Record<
    string,
    string
  >;
  console.log(
    `Local users are the seeded demo users, one per role (${dataDir}/users.json); their bearer tokens are in tokens.json.`,
  );
  for (const [username, sub] of Object.entries(subs)) console.log(`  ${username.padEnd(18)} ${sub}`);
  if (Object.keys(subs).length === 0) console.log('  (none yet: npm start seeds them)');
};

const listUsers = async (cognito: CognitoIdentityProviderClient, userPoolId: string): Promise<void> => {
  const groups = values.group === undefined ? [...ROLES] : values.group.split(',');
  const members = [];
  for (const group of groups) {
    const users = [];
    const pages = paginateListUsersInGroup({ client: cognito }, { UserPoolId: userPoolId, GroupName: group });
    for await (const page of pages) users.push(...(page.Users ?? []));
    members.push({ group, users });
  }
  printUsers(mergeGroupMembers(members));
};

const addUser = async (
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  user: string,
): Promise<void> => {
  const plan = planAddUser({
    userPoolId,
    username: user,
    email: values.email ?? fail('add needs --email'),
    groups: (values.group ?? '').split(',').filter((group) => group !== ''),
    ...(values.department === undefined ? {} : { department: values.department }),
    ...(values.enterprise === undefined ? {} : { enterprise: values.enterprise }),
    ...(values.name === undefined ? {} : { name: values.name }),
    ...(values['temporary-password'] === undefined
      ? {}
      : { temporaryPassword: values['temporary-password'] }),
  });
  const created = await cognito.send(new AdminCreateUserCommand(plan.create));
  for (const group of plan.groups) await cognito.send(new AdminAddUserToGroupCommand(group));
  console.log(
    `${user} created in ${plan.groups.map((g) => g.GroupName).join(', ')}; Cognito mails the invitation.`,
  );
  if (values.stage === undefined) {
    return void console.log(
      'No --stage: not written to the staff directory, so notifications reach them in the app only.',
    );
  }
  const sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  const entry = planDirectoryEntry(
    {
      username: user,
      email: plan.create.UserAttributes?.find((a) => a.Name === 'email')?.Value ?? '',
      groups: plan.groups.map((g) => g.GroupName ?? ''),
      ...(values.department === undefined ? {} : { department: values.department }),
      ...(values.name === undefined ? {} : { name: values.name }),
      ...(values.phone === undefined ? {} : { phone: values.phone }),
    },
    sub,
  );
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient(values.region === undefined ? {} : { region: values.region }),
  );
  await new DynamoUserDirectory(documents, tableName(values.stage, 'registry')).putPerson(entry);
  console.log(
    `${user} is in the staff directory of stage ${values.stage} (notifications by ${entry.phone ? 'email and SMS' : 'email'}).`,
  );
};

const disableUser = async (cognito: CognitoIdentityProviderClient, userPoolId: string, user: string) => {
  await cognito.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: user }));
  await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: user }));
  console.log(`${user} disabled; refresh tokens revoked, tokens already issued expire within the hour.`);
};

const enableUser = async (cognito: CognitoIdentityProviderClient, userPoolId: string, user: string) => {
  await cognito.send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: user }));
  console.log(`${user} enabled.`);
};

const USER_COMMANDS: Record<string, typeof addUser> = {
  add: addUser,
  disable: disableUser,
  enable: enableUser,
};

const main = async (): Promise<void> => {
  const [command, username] = positionals;
  if (values.help || command === undefined) return void console.log(USAGE);
  if (values.local) {
    if (command !== 'list')
      fail(
        'Locally there is no user pool: the demo users are seeded by npm start (npm run users -- list --local).',
      );
    return listLocal();
  }
  const userPoolId = values['user-pool-id'] ?? fail(`--user-pool-id is required\n\n${USAGE}`);
  const cognito = new CognitoIdentityProviderClient(
    values.region === undefined ? {} : { region: values.region },
  );
  if (command === 'list') return listUsers(cognito, userPoolId);
  const run = USER_COMMANDS[command] ?? fail(`unknown command ${command}\n\n${USAGE}`);
  return run(cognito, userPoolId, username ?? fail(`${command} needs a username\n\n${USAGE}`));
};

await main().catch((error: unknown) =>
  fail(
    error instanceof UserCommandError
      ? error.message
      : `${(error as Error).name}: ${(error as Error).message}`,
  ),
);
