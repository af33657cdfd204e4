import { App, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkBase } from '../../infra/constructs/notification-delivery.ts';
import { FUNCTIONS } from '../../infra/manifest.ts';
import { readSettings, SettingsError } from '../../infra/settings.ts';
import {
  actionsOf,
  flat,
  houseFunctions,
  logicalIdOf,
  required,
  resourceOf,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from './synth-stack.ts';

type Statement = Record<string, unknown>;

/** Least privilege of notification delivery (infra/constructs/notification-delivery.ts). */
describe('notifications: delivery grants and settings', () => {
  let synth: Synthesized;
  const statementsOf = (id: string): Statement[] => {
    const fn = required(houseFunctions(synth.stacks)[id], `function ${id}`);
    return statementsOfRole(synth.templateOf(fn.fn), logicalIdOf(fn.role));
  };
  const grants = (id: string, prefix: string) =>
    statementsOf(id)
      .filter((statement) => actionsOf(statement).some((action) => action.startsWith(prefix)))
      .map((statement) => ({
        effect: statement.Effect,
        actions: actionsOf(statement).filter((action) => action.startsWith(prefix)),
        resources: [statement.Resource].flat().map(flat).sort(),
      }));
  const envOf = (id: string): Record<string, string> => {
    const fn = required(houseFunctions(synth.stacks)[id], `function ${id}`);
    const variables = (
      resourceOf(synth, fn.fn).Properties.Environment as { Variables: Record<string, unknown> }
    ).Variables;
    return Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, flat(v)]));
  };

  beforeAll(() => {
    synth = synthesize({
      notificationEmailFrom: 'noreply@qingshan.example.gov.cn',
      notificationSms: 'true',
      appBaseUrl: 'https://qingshan.example.gov.cn',
      districtLeaders: 'leader-1,leader-2',
    });
  });
  afterAll(() => synth.cleanup());

  it('lets the dispatcher send email from the configured identity only, and SMS but never to a topic', () => {
    const ses = grants('jobNotificationDispatch', 'ses:');
    expect(ses).toEqual([
      {
        effect: 'Allow',
        actions: ['ses:SendEmail'],
        resources: [
          'arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/noreply@qingshan.example.gov.cn',
          'arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/qingshan.example.gov.cn',
        ],
      },
    ]);
    expect(grants('jobNotificationDispatch', 'sns:')).toEqual([
      { effect: 'Allow', actions: ['sns:Publish'], resources: ['*'] },
      {
        effect: 'Deny',
        actions: ['sns:Publish'],
        resources: ['arn:<AWS::Partition>:sns:<AWS::Region>:<AWS::AccountId>:*'],
      },
    ]);
    expect(envOf('jobNotificationDispatch')).toMatchObject({
      QS_EMAIL_SENDER: 'ses',
      QS_EMAIL_FROM: 'noreply@qingshan.example.gov.cn',
      QS_SMS_SENDER: 'sns',
      QS_APP_BASE_URL: 'https://qingshan.example.gov.cn',
      QS_DISTRICT_LEADER_IDS: 'leader-1,leader-2',
      QS_VAPID_SECRET_ID: 'qingshan/dev/web-push-vapid',
    });
  });

  it('lets only the functions that need the VAPID key read its one secret, and no other function send', () => {
    const secret =
      'arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:qingshan/dev/web-push-vapid-??????';
    const readers = FUNCTIONS.filter((spec) => grants(spec.id, 'secretsmanager:').length > 0).map(
      (spec) => spec.id,
    );
    expect(readers.sort()).toEqual(
      FUNCTIONS.filter((spec) => spec.notify !== undefined)
        .map((spec) => spec.id)
        .sort(),
    );
    expect(grants('pushSubscriptionsCreate', 'secretsmanager:')).toEqual([
      { effect: 'Allow', actions: ['secretsmanager:GetSecretValue'], resources: [secret] },
    ]);
    const senders = FUNCTIONS.filter(
      (spec) => grants(spec.id, 'ses:').length + grants(spec.id, 'sns:').length > 0,
    ).map((spec) => spec.id);
    expect(senders).toEqual(['jobNotificationDispatch']);
  });

  it('links messages to the hosted web app when no appBaseUrl is given, read from its SSM origin at deploy time', () => {
    const hosted = synthesize({ stage: 'qa' });
    try {
      const fn = required(houseFunctions(hosted.stacks).jobNotificationDispatch, 'dispatcher');
      const variables = (
        resourceOf(hosted, fn.fn).Properties.Environment as { Variables: Record<string, { Ref?: string }> }
      ).Variables;
      const reference = variables.QS_APP_BASE_URL?.Ref ?? '';
      const parameter = hosted.templateOf(fn.fn).toJSON().Parameters?.[reference] as
        | { Type: string; Default: string }
        | undefined;
      expect(parameter).toEqual({
        Type: 'AWS::SSM::Parameter::Value<String>',
        Default: '/qingshan/qa/web/origin',
      });
    } finally {
      hosted.cleanup();
    }
    const unhosted = synthesize({ stage: 'qa', web: 'false' });
    try {
      const fn = required(houseFunctions(unhosted.stacks).jobNotificationDispatch, 'dispatcher');
      const variables = (
        resourceOf(unhosted, fn.fn).Properties.Environment as { Variables: Record<string, unknown> }
      ).Variables;
      expect(variables.QS_APP_BASE_URL).toBe('http://localhost:5173');
    } finally {
      unhosted.cleanup();
    }
  });

  it('refuses SMS in the China regions, where SNS sends none', () => {
    const app = new App({
      context: {
        region: 'cn-north-1',
        identity: 'oidc',
        oidcIssuer: 'https://idp.example',
        oidcAudience: 'x',
        notificationSms: 'true',
      },
    });
    expect(() => readSettings(app)).toThrow(SettingsError);
    expect(() => readSettings(app)).toThrow(/does not send SMS in cn-north-1/);
  });

  it('links to the dev server, or relatively in production, when the stage hosts no app', () => {
    const base = (context: Record<string, string>) => {
      const app = new App({ context: { web: 'false', ...context } });
      return linkBase(new Stack(app, 'Links'), readSettings(app));
    };
    expect(base({})).toBe('http://localhost:5173');
    expect(base({ stage: 'prod' })).toBe('');
    expect(base({ appBaseUrl: 'https://qingshan.example.gov.cn' })).toBe('https://qingshan.example.gov.cn');
  });

  it('leaves email and SMS off unless configured', () => {
    const plain = synthesize();
    try {
      const fn = required(houseFunctions(plain.stacks).jobNotificationDispatch, 'dispatcher');
      const variables = (
        resourceOf(plain, fn.fn).Properties.Environment as { Variables: Record<string, unknown> }
      ).Variables;
      expect(variables.QS_EMAIL_SENDER).toBeUndefined();
      expect(variables.QS_SMS_SENDER).toBeUndefined();
      // Hosting is on by default: links open the hosted app, at the address Stateful records.
      const template = plain.templateOf(fn.fn).toJSON() as {
        Parameters: Record<string, { Default?: string }>;
      };
      const ref = flat(variables.QS_APP_BASE_URL).replace(/^<|>$/g, '');
      expect(template.Parameters[ref]?.Default).toBe('/qingshan/dev/web/origin');
    } finally {
      plain.cleanup();
    }
  });
});
