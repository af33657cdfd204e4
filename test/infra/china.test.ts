import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsError } from '../../infra/settings.ts';
import {
  houseFunctions,
  type Resource,
  required,
  resourceOf,
  type Synthesized,
  synthesize,
} from './synth-stack.ts';

// A district in Guangdong deploys to cn-northwest-1 (partition aws-cn), where Cognito user pools are not
// offered: identity comes from an external OIDC issuer, here a Keycloak realm of a unified identity platform.
const ISSUER = 'https://sso.zhanjiang.gov.cn/realms/qingshan';
const CHINA = {
  region: 'cn-northwest-1',
  account: '123456789012',
  identity: 'oidc',
  oidcIssuer: ISSUER,
  oidcAudience: 'qingshan-web,qingshan-cli',
  groupsClaim: 'groups',
  departmentClaim: 'department',
  enterpriseClaim: 'qingshan_enterprise',
  usernameClaim: 'preferred_username',
};

describe('AWS China (aws-cn) with an external OIDC issuer', () => {
  let synth: Synthesized;
  const templates = () => synth.stacks.all.map((stack) => JSON.stringify(synth.templateOf(stack).toJSON()));

  beforeAll(() => {
    synth = synthesize(CHINA);
  });
  afterAll(() => synth.cleanup());

  it('synthesizes every stack for cn-northwest-1', () => {
    for (const stack of synth.stacks.all) expect(stack.region, stack.stackName).toBe('cn-northwest-1');
  });

  it('creates no Cognito resource at all', () => {
    for (const text of templates()) expect(text).not.toContain('AWS::Cognito::');
  });

  it('the JWT authorizer trusts exactly the configured issuer and audiences', () => {
    const [authorizer] = synth.resourcesOf('AWS::ApiGatewayV2::Authorizer');

    expect(required(authorizer, 'authorizer').Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: ISSUER, Audience: ['qingshan-web', 'qingshan-cli'] },
    });
  });

  it('writes every ARN in the aws-cn partition, and none in aws', () => {
    const all = templates().join('\n');

    expect(all).not.toMatch(/arn:aws:/);
    expect(all).toMatch(/arn:aws-cn:/);
    expect(all).not.toContain('"Ref":"AWS::Partition"');
  });

  it('tells every function which claims carry groups, department, enterprise and name', () => {
    for (const fn of Object.values(houseFunctions(synth.stacks))) {
      const env = (resourceOf(synth, fn.fn).Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      expect(env).toMatchObject({
        QS_GROUPS_CLAIM: 'groups',
        QS_DEPARTMENT_CLAIM: 'department',
        QS_ENTERPRISE_CLAIM: 'qingshan_enterprise',
        QS_USERNAME_CLAIM: 'preferred_username',
      });
    }
  });

  it('lets no function administer users: the external issuer keeps their roles', () => {
    for (const fn of Object.values(houseFunctions(synth.stacks))) {
      const env = (resourceOf(synth, fn.fn).Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      expect(env.QS_USER_DIRECTORY).toBeUndefined();
    }
    expect(templates().join('\n')).not.toContain('cognito-idp:Admin');
  });

  it('turns X-Ray tracing off, which Lambda does not offer there', () => {
    for (const fn of Object.values(houseFunctions(synth.stacks))) {
      const props = resourceOf(synth, fn.fn).Properties;
      expect(props.TracingConfig, fn.spec.id).toBeUndefined();
      expect(
        (props.Environment as { Variables: Record<string, unknown> }).Variables.POWERTOOLS_TRACE_ENABLED,
      ).toBe('false');
    }
    for (const text of templates()) expect(text).not.toContain('xray:');
    expect(() => synthesize({ ...CHINA, tracing: 'true' })).toThrow(/X-Ray integration is not available/);
  });

  it('still has the IoT rule, the meter policy and the schedules (IoT Core and Scheduler exist there)', () => {
    const types = synth.stacks.all.flatMap((stack) =>
      Object.values(synth.templateOf(stack).toJSON().Resources as Record<string, Resource>).map(
        (r) => r.Type,
      ),
    );

    expect(types).toEqual(
      expect.arrayContaining(['AWS::IoT::TopicRule', 'AWS::IoT::Policy', 'AWS::Scheduler::Schedule']),
    );
  });

  it('refuses Cognito in a China region, and OIDC without an issuer, with a sentence saying what to pass', () => {
    expect(() => synthesize({ ...CHINA, identity: 'cognito' })).toThrow(SettingsError);
    expect(() => synthesize({ ...CHINA, identity: 'cognito' })).toThrow(/not offered in cn-northwest-1/);
    expect(() => synthesize({ region: 'cn-north-1' })).toThrow(/oidcIssuer/);
    expect(() => synthesize({ identity: 'oidc', oidcIssuer: ISSUER })).toThrow(/oidcAudience/);
  });
});
