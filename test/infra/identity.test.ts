import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CALLBACK_URLS } from '../../infra/settings.ts';
import { ENTERPRISE_GROUP, ROLES } from '../../shared/domain/roles.ts';
import {
  actionsOf,
  flat,
  houseFunctions,
  logicalIdOf,
  type Resource,
  required,
  resourceOf,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from './synth-stack.ts';

const CALLBACK = 'https://qingshan.xiashan.gov.cn/auth/callback';

describe('identity: the Cognito user pool and its app clients', () => {
  let dev: Synthesized;
  let prod: Synthesized;
  const identityOf = (synth: Synthesized) => required(synth.stacks.stateful.identity, 'identity');
  const poolOf = (synth: Synthesized) => resourceOf(synth, identityOf(synth).userPool).Properties;
  const webClientOf = (synth: Synthesized) => resourceOf(synth, identityOf(synth).webClient).Properties;
  const everything = (synth: Synthesized) =>
    synth.stacks.all.map((stack) => JSON.stringify(synth.templateOf(stack).toJSON())).join('\n');

  beforeAll(() => {
    dev = synthesize();
    prod = synthesize({ stage: 'prod', callbackUrls: CALLBACK, cognitoPlan: 'plus' });
  });
  afterAll(() => {
    dev.cleanup();
    prod.cleanup();
  });

  it('admits no self sign-up, demands strong passwords and offers TOTP', () => {
    const pool = poolOf(dev);

    expect(pool.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
    expect(pool.Policies).toMatchObject({
      PasswordPolicy: {
        MinimumLength: 12,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      },
    });
    expect(pool.MfaConfiguration).toBe('OPTIONAL');
    expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(pool.Schema).toEqual(
      expect.arrayContaining([expect.objectContaining({ Name: 'department', AttributeDataType: 'String' })]),
    );
    expect(pool.UserPoolName).toBe('qingshan-dev-users');
  });

  it('has one group per role, and the group of enterprise accounts', () => {
    const groups = dev.resourcesOf('AWS::Cognito::UserPoolGroup').map((group) => group.Properties.GroupName);

    expect(groups.sort()).toEqual([...ROLES, ENTERPRISE_GROUP].sort());
  });

  it('costs the Essentials plan by default, with threat protection off; Plus with it enforced on request', () => {
    expect(poolOf(dev).UserPoolTier).toBe('ESSENTIALS');
    expect(poolOf(dev).UserPoolAddOns).toBeUndefined();
    expect(poolOf(prod).UserPoolTier).toBe('PLUS');
    expect(poolOf(prod).UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
  });

  it('the web client signs in with the authorization code flow and PKCE: no secret, no implicit grant', () => {
    const client = webClientOf(prod);

    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.AllowedOAuthScopes).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    expect(client.CallbackURLs).toContain(CALLBACK);
  });

  it('takes callback URLs from context: the local web client in dev, none (no OAuth) in prod without them or hosting', () => {
    const bare = synthesize({ stage: 'prod', web: 'false' });
    try {
      expect(webClientOf(dev).CallbackURLs).toEqual(expect.arrayContaining(LOCAL_CALLBACK_URLS));
      expect(webClientOf(bare).CallbackURLs).toBeUndefined();
      expect(webClientOf(bare).AllowedOAuthFlows).toBeUndefined();
      for (const synth of [dev, prod, bare]) expect(everything(synth)).not.toContain('example.com');
    } finally {
      bare.cleanup();
    }
  });

  it('lets the dev server sign in back to each shell, where the app sends it (`<origin>/<shell>/callback`)', () => {
    const client = webClientOf(dev);

    for (const shell of ['app', 'console']) {
      expect(client.CallbackURLs).toContain(`http://localhost:5173/${shell}/callback`);
      expect(client.LogoutURLs).toContain(`http://localhost:5173/${shell}/`);
    }
  });

  it('has a hosted sign-in domain per stage and account', () => {
    const [domain] = dev.resourcesOf('AWS::Cognito::UserPoolDomain');

    expect(JSON.stringify(required(domain, 'domain').Properties.Domain)).toContain('qingshan-dev-');
  });

  it('the CLI client (npm run smoke) signs in by password only, with short-lived tokens', () => {
    const cli = resourceOf(dev, identityOf(dev).cliClient).Properties;

    expect(cli.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    );
    expect(cli.ExplicitAuthFlows).not.toContain('ALLOW_ADMIN_USER_PASSWORD_AUTH');
    expect(cli.AllowedOAuthFlows).toBeUndefined();
    expect(cli.GenerateSecret).toBe(false);
    expect(cli.AccessTokenValidity).toBe(15);
  });

  it('publishes the pool id for npm run users, and outputs it', () => {
    const names = dev
      .resourcesOf('AWS::SSM::Parameter')
      .map((parameter: Resource) => parameter.Properties.Name);

    expect(names).toEqual(
      expect.arrayContaining([
        '/qingshan/dev/identity/issuer',
        '/qingshan/dev/identity/audience',
        '/qingshan/dev/identity/user-pool-id',
      ]),
    );
  });

  it('lets only the user-role functions read the pool and move users between groups, on that pool alone', () => {
    const granted: Record<string, string[]> = {};
    for (const [id, fn] of Object.entries(houseFunctions(dev.stacks))) {
      const statements = statementsOfRole(dev.templateOf(fn.fn), logicalIdOf(fn.role)).filter((statement) =>
        actionsOf(statement).some((action) => action.startsWith('cognito-idp:')),
      );
      if (statements.length === 0) continue;
      granted[id] = statements.flatMap(actionsOf).sort();
      for (const statement of statements)
        for (const resource of [statement.Resource].flat().map(flat))
          expect(resource).toMatch(
            /^arn:<AWS::Partition>:cognito-idp:<AWS::Region>:<AWS::AccountId>:userpool\/.+/,
          );
      const env = (resourceOf(dev, fn.fn).Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      expect(env.QS_USER_DIRECTORY).toBe('cognito');
      expect(env.QS_USER_POOL_ID).toBeDefined();
    }
    expect(Object.keys(granted).sort()).toEqual(['registryListUsers', 'registrySetUserRoles']);
    expect(granted.registrySetUserRoles).toEqual(
      expect.arrayContaining(['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminRemoveUserFromGroup']),
    );
  });
});
