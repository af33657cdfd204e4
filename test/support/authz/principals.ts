import type { LocalUser } from '../../../infra/local/local-issuer.ts';
import { DynamoDeputyDirectory } from '../../../shared/adapters/dynamodb/deputy-directory.ts';
import { tableName } from '../../../shared/config/env.ts';
import type { TestStack } from '../local-stack.ts';

/**
 * The columns of every row of the matrix, in this order. Department 1 is the ecology bureau (the
 * demo handler and head), department 2 the water bureau; deputy A is the demo deputy, B another
 * registered deputy. `anon` sends no token at all. `enterprise` is an enterprise account of ENT-AUTHZ
 * (no role; group `enterprise` and the enterprise claim): it imports its own data and nothing else.
 */
export const PRINCIPALS = [
  'anon',
  'deputyA',
  'deputyB',
  'handler1',
  'head1',
  'handler2',
  'head2',
  'supervisor',
  'admin',
  'enterprise',
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

export const DEPT1 = 'dept-ecology';
export const DEPT2 = 'dept-water';

/** Who is who: the user ids (`sub`) and the bearer tokens (none for `anon`). */
export interface Principals {
  tokens: Readonly<Record<PrincipalName, string | undefined>>;
  ids: Readonly<Record<Exclude<PrincipalName, 'anon'>, string>>;
}

export const ENTERPRISE_ACCOUNT_OF = 'ENT-AUTHZ';

const EXTRA: Record<'deputyB' | 'handler2' | 'head2' | 'enterprise', LocalUser> = {
  deputyB: { sub: 'authz-deputy-b', username: 'deputy-zhou', groups: ['deputy'] },
  handler2: { sub: 'authz-handler-water', username: 'handler-water', groups: ['handler'], department: DEPT2 },
  head2: { sub: 'authz-head-water', username: 'head-water', groups: ['head'], department: DEPT2 },
  enterprise: {
    sub: 'authz-enterprise',
    username: 'enterprise-authz',
    groups: [],
    enterprise: ENTERPRISE_ACCOUNT_OF,
  },
};

/**
 * The demo users of the local stack plus a second deputy and the water bureau's handler and head.
 * Deputy B is put in the deputy directory, as an admin records a deputy (docs/workflow-rules.md),
 * so deputy A can name B as a co-signer.
 */
export const mintPrincipals = async (t: TestStack): Promise<Principals> => {
  const { users } = t.stack;
  const directory = new DynamoDeputyDirectory(t.dynamo, tableName('registry', t.stack.env));
  await directory.putDeputy({ id: EXTRA.deputyB.sub, name: '周代表', status: 'active' });
  const [deputyB, handler2, head2, enterprise] = await Promise.all(
    [EXTRA.deputyB, EXTRA.handler2, EXTRA.head2, EXTRA.enterprise].map((user) => t.stack.issueToken(user)),
  );
  return {
    tokens: {
      anon: undefined,
      deputyA: users.deputy.token,
      deputyB,
      handler1: users.handler.token,
      head1: users.head.token,
      handler2,
      head2,
      supervisor: users.supervisor.token,
      admin: users.admin.token,
      enterprise,
    },
    ids: {
      deputyA: users.deputy.user.sub,
      deputyB: EXTRA.deputyB.sub,
      handler1: users.handler.user.sub,
      head1: users.head.user.sub,
      handler2: EXTRA.handler2.sub,
      head2: EXTRA.head2.sub,
      supervisor: users.supervisor.user.sub,
      admin: users.admin.user.sub,
      enterprise: EXTRA.enterprise.sub,
    },
  };
};
