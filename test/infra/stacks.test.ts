import type { Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXTS } from '../../infra/manifest.ts';
import { flat, type Resource, type Synthesized, synthesize } from './synth-stack.ts';

/** CloudFormation's quotas per stack (User Guide, "CloudFormation quotas"), and our ceiling on them. */
const LIMITS = { resources: 500, outputs: 200, templateBytes: 1_000_000 };
const CEILING = 0.6;

/** The property that carries each type's physical name, unique per account and region (buckets: globally). */
const NAME_PROPERTIES: Record<string, string> = {
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::IoT::TopicRule': 'RuleName',
  'AWS::IoT::Policy': 'PolicyName',
  'AWS::Cognito::UserPool': 'UserPoolName',
  'AWS::Cognito::UserPoolDomain': 'Domain',
  'AWS::CloudWatch::Dashboard': 'DashboardName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::Scheduler::Schedule': 'Name',
  'AWS::SSM::Parameter': 'Name',
  'AWS::ApiGatewayV2::Api': 'Name',
};

const STATEFUL_TYPES = [
  'AWS::DynamoDB::Table',
  'AWS::S3::Bucket',
  'AWS::Cognito::UserPool',
  'AWS::KMS::Key',
  'AWS::IoT::Policy',
];

describe('the stage’s stacks', () => {
  let dev: Synthesized;
  let prod: Synthesized;
  const templateJson = (synth: Synthesized, stack: Stack) =>
    synth.templateOf(stack).toJSON() as {
      Resources: Record<string, Resource>;
      Outputs?: Record<string, unknown>;
      Parameters?: Record<string, unknown>;
    };

  beforeAll(() => {
    dev = synthesize();
    prod = synthesize({ stage: 'prod', callbackUrls: 'https://qingshan.xiashan.gov.cn/auth/callback' });
  });
  afterAll(() => {
    dev.cleanup();
    prod.cleanup();
  });

  it('are a stateful stack, the API, the web app’s configuration, one stack per context and the ops stack, in that order', () => {
    const names = dev.stacks.all.map((stack) => stack.stackName);
    const contexts = Object.keys(CONTEXTS).map(
      (name) => `Qingshan-dev-${name[0]?.toUpperCase()}${name.slice(1)}`,
    );

    expect(names).toEqual([
      'Qingshan-dev-Stateful',
      'Qingshan-dev-Api',
      'Qingshan-dev-Web',
      ...contexts,
      'Qingshan-dev-Ops',
    ]);
  });

  it.each(['dev', 'prod'])(
    'each stays under 60 %% of CloudFormation’s resource, output and size limits (%s)',
    (stage) => {
      const synth = stage === 'dev' ? dev : prod;
      for (const stack of synth.stacks.all) {
        const template = templateJson(synth, stack);
        const size = {
          resources: Object.keys(template.Resources).length,
          outputs: Object.keys(template.Outputs ?? {}).length,
          templateBytes: JSON.stringify(template).length,
        };
        for (const key of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
          expect(size[key], `${stack.stackName} ${key}`).toBeLessThan(LIMITS[key] * CEILING);
        }
      }
    },
  );

  it('refer to each other through no CloudFormation export or stack output, only names and SSM', () => {
    for (const stack of dev.stacks.all) {
      const text = JSON.stringify(templateJson(dev, stack));

      expect(text, stack.stackName).not.toMatch(/Fn::ImportValue|Fn::GetStackOutput|"Export"/);
    }
  });

  it('keep tables, buckets, the user pool, keys and the meter policy in the stateful stack only', () => {
    for (const stack of dev.stacks.all) {
      const types = Object.values(templateJson(dev, stack).Resources).map((resource) => resource.Type);
      const stateful = types.filter((type) => STATEFUL_TYPES.includes(type));

      if (stack === dev.stacks.stateful) expect(new Set(stateful)).toEqual(new Set(STATEFUL_TYPES));
      else expect(stateful, stack.stackName).toEqual([]);
    }
  });

  it('the stateful stack reads no parameter of another stack, so it deploys alone', () => {
    expect(Object.keys(templateJson(dev, dev.stacks.stateful).Parameters ?? {})).toEqual([
      'BootstrapVersion',
    ]);
    expect(dev.stacks.stateful.dependencies).toEqual([]);
  });

  it('each context depends on the stateful stack and the API, so `cdk deploy --all` orders them', () => {
    for (const stack of Object.values(dev.stacks.contexts)) {
      expect(stack.dependencies.map((dependency) => dependency.stackName).sort()).toEqual(
        ['Qingshan-dev-Api', 'Qingshan-dev-Stateful'].sort(),
      );
    }
  });

  it('retains every table, bucket, user pool and key in prod, and protects the stateful stack', () => {
    const template = templateJson(prod, prod.stacks.stateful);
    const retained = Object.values(template.Resources).filter((resource) =>
      STATEFUL_TYPES.filter((type) => type !== 'AWS::IoT::Policy').includes(resource.Type),
    );

    expect(retained.length).toBeGreaterThan(0);
    for (const resource of retained) expect(resource.DeletionPolicy, resource.Type).toBe('Retain');
    expect(prod.stacks.stateful.terminationProtection).toBe(true);
    expect(dev.stacks.stateful.terminationProtection).toBe(false);
  });

  it('give two stages of one account no physical name in common', () => {
    // Prepare: every name-like property of every resource, flattened to text.
    const namesOf = (synth: Synthesized) =>
      synth.stacks.all.flatMap((stack) =>
        Object.values(templateJson(synth, stack).Resources).flatMap((resource) => {
          const key = NAME_PROPERTIES[resource.Type];
          const name = key === undefined ? undefined : resource.Properties?.[key];
          return name === undefined ? [] : [`${resource.Type} ${flat(name)}`];
        }),
      );

    // Act
    const devNames = new Set(namesOf(dev));
    const shared = namesOf(prod).filter((name) => devNames.has(name));

    // Assess: names exist (the test would pass vacuously otherwise), and none is shared.
    expect(devNames.size).toBeGreaterThan(80);
    expect(shared).toEqual([]);
  });

  it('read only their own stage’s telemetry topic and attach their own stage’s meter policy', () => {
    const rules = prod.resourcesOf('AWS::IoT::TopicRule').map((rule) => rule.Properties);
    const policies = prod.resourcesOf('AWS::IoT::Policy').map((policy) => JSON.stringify(policy.Properties));

    expect(rules.map((rule) => rule.RuleName)).toEqual(['qingshan_prod_meter_telemetry']);
    expect(JSON.stringify(rules[0]?.TopicRulePayload)).toContain("FROM 'qingshan/prod/meters/+/telemetry'");
    expect(policies.join()).toContain('topic/qingshan/prod/meters/');
    expect(policies.join()).not.toContain('/dev/');
  });
});
