import type { Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  flat,
  logicalIdOf,
  type Resource,
  required,
  resourceOf,
  type Synthesized,
  synthesize,
} from './synth-stack.ts';

type GetAtt = { 'Fn::GetAtt': [string, string] };

describe('operational alarms', () => {
  let synth: Synthesized;
  const resourcesOf = (type: string): Resource[] => synth.resourcesOf(type);
  const statefulTemplate = () => synth.templateOf(synth.stacks.stateful);
  const propertiesOf = (logicalId: string) =>
    (statefulTemplate().toJSON().Resources[logicalId] as Resource).Properties;
  const topic = () => synth.stacks.stateful.alarmTopic.topic;
  const topicRef = () => ({ Ref: logicalIdOf(topic()) });
  /** How every other stack names the topic: by its stage name, in its own account and region. */
  const TOPIC_ARN = 'arn:<AWS::Partition>:sns:<AWS::Region>:<AWS::AccountId>:qingshan-dev-ops-alarms';
  const actionsOf = (alarm: Record<string, unknown>) => (alarm.AlarmActions as unknown[]).map(flat);

  beforeAll(() => {
    synth = synthesize();
  });
  afterAll(() => synth.cleanup());

  describe('the alarm topic', () => {
    it('is encrypted with a rotated customer key that CloudWatch may use', () => {
      const keyArn = propertiesOf(logicalIdOf(topic())).KmsMasterKeyId as GetAtt;
      const key = propertiesOf(keyArn['Fn::GetAtt'][0]);

      expect(keyArn['Fn::GetAtt'][1]).toBe('Arn');
      expect(key.EnableKeyRotation).toBe(true);
      expect((key.KeyPolicy as { Statement: unknown[] }).Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        }),
      );
    });

    it('refuses publishing without TLS and lets this account’s alarms publish', () => {
      expect(resourceOf(synth, topic()).Properties.TopicName).toBe('qingshan-dev-ops-alarms');
      const policies = resourcesOf('AWS::SNS::TopicPolicy').filter(
        (policy) => JSON.stringify(policy.Properties.Topics) === JSON.stringify([topicRef()]),
      );
      const statements = policies.flatMap(
        (policy) => (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
      );

      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 'sns:Publish',
          Principal: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'sns:Publish',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Condition: expect.objectContaining({
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          }),
        }),
      );
    });

    it('has no subscription unless the alarmEmail context is set', () => {
      expect(resourcesOf('AWS::SNS::Subscription')).toEqual([]);
    });

    it('mails the alarmEmail context address when it is set', () => {
      const withEmail = synthesize({ alarmEmail: 'ops@example.com' });
      try {
        const subscriptions = withEmail.resourcesOf('AWS::SNS::Subscription');

        expect(subscriptions.map((subscription) => subscription.Properties)).toEqual([
          {
            Protocol: 'email',
            Endpoint: 'ops@example.com',
            TopicArn: { Ref: logicalIdOf(withEmail.stacks.stateful.alarmTopic.topic) },
          },
        ]);
      } finally {
        withEmail.cleanup();
      }
    });

    it('is an output', () => {
      expect(statefulTemplate().toJSON().Outputs.OpsAlarmTopicArn.Value).toEqual(topicRef());
    });
  });

  describe('alarms', () => {
    const contextStacks = () => Object.values(synth.stacks.contexts);
    const resourcesIn = (stack: Stack, type: string) =>
      Object.values(synth.templateOf(stack).findResources(type)) as Resource[];
    const alarmsIn = (stack: Stack, metricName: string, dimensionValue: unknown) =>
      resourcesIn(stack, 'AWS::CloudWatch::Alarm')
        .map((alarm) => alarm.Properties)
        .filter(
          (alarm) =>
            alarm.MetricName === metricName &&
            JSON.stringify(alarm.Dimensions).includes(JSON.stringify(dimensionValue)),
        );
    /** Read from the template, not from the construct: what redrives or Scheduler actually names. */
    const deadLetterQueuesIn = (stack: Stack): { id: string; dimension: unknown }[] => {
      const redriveTargets = resourcesIn(stack, 'AWS::SQS::Queue').flatMap((queue) => {
        const redrive = queue.Properties.RedrivePolicy as { deadLetterTargetArn: GetAtt } | undefined;
        return redrive === undefined ? [] : [redrive.deadLetterTargetArn['Fn::GetAtt'][0]];
      });
      const scheduleTargets = resourcesIn(stack, 'AWS::Scheduler::Schedule').flatMap((schedule) => {
        const target = schedule.Properties.Target as { DeadLetterConfig?: { Arn: GetAtt } };
        return target.DeadLetterConfig === undefined ? [] : [target.DeadLetterConfig.Arn['Fn::GetAtt'][0]];
      });
      return [...new Set([...redriveTargets, ...scheduleTargets])].map((id) => ({
        id,
        dimension: { 'Fn::GetAtt': [id, 'QueueName'] },
      }));
    };
    const carbon = () => required(synth.stacks.contexts.carbon, 'carbon stack');

    it('covers every dead-letter queue of every stack, and there are some', () => {
      const all = contextStacks().flatMap((stack) =>
        deadLetterQueuesIn(stack).map((queue) => ({ stack, queue })),
      );

      expect(all.length).toBeGreaterThanOrEqual(2);
      for (const { stack, queue } of all) {
        const alarms = alarmsIn(stack, 'ApproximateNumberOfMessagesVisible', queue.dimension);
        expect(alarms, queue.id).toEqual([
          expect.objectContaining({
            Namespace: 'AWS/SQS',
            Statistic: 'Maximum',
            Period: 300,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            Threshold: 1,
            TreatMissingData: 'notBreaching',
          }),
        ]);
        expect(actionsOf(alarms[0] ?? {})).toEqual([TOPIC_ARN]);
      }
    });

    it('rings when the oldest ingest record has waited 15 minutes', () => {
      const queue = required(carbon().ingest.queues.ingestTelemetry, 'ingest queue');

      expect(
        alarmsIn(carbon(), 'ApproximateAgeOfOldestMessage', {
          'Fn::GetAtt': [logicalIdOf(queue), 'QueueName'],
        }),
      ).toEqual([
        expect.objectContaining({
          Statistic: 'Maximum',
          Period: 300,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Threshold: 900,
          TreatMissingData: 'notBreaching',
        }),
      ]);
      expect(resourceOf(synth, queue).Properties.QueueName).toBe('qingshan-dev-ingestTelemetry');
    });

    it('rings when the ingest function fails in two 5-minute periods running', () => {
      const fn = required(carbon().ingest.functions.ingestTelemetry, 'ingest function').fn;

      expect(alarmsIn(carbon(), 'Errors', { Ref: logicalIdOf(fn) })).toEqual([
        expect.objectContaining({
          Namespace: 'AWS/Lambda',
          Statistic: 'Sum',
          Period: 300,
          EvaluationPeriods: 2,
          DatapointsToAlarm: 2,
          Threshold: 1,
          TreatMissingData: 'notBreaching',
        }),
      ]);
    });

    it('rings when any scheduled job fails, one alarm per ten jobs of a stack, not one per job', () => {
      let total = 0;
      for (const stack of contextStacks()) {
        const jobs = Object.values(stack.jobs.functions).map((job) => logicalIdOf(job.fn));
        const jobAlarms = resourcesIn(stack, 'AWS::CloudWatch::Alarm').filter((alarm) =>
          jobs.some((id) => JSON.stringify(alarm.Properties.Metrics ?? []).includes(`{"Ref":"${id}"}`)),
        );
        const watched = JSON.stringify(jobAlarms.map((alarm) => alarm.Properties.Metrics));

        total += jobs.length;
        expect(jobAlarms.length, stack.stackName).toBe(Math.ceil(jobs.length / 10));
        for (const id of jobs) expect(watched).toContain(`{"Ref":"${id}"}`);
        for (const alarm of jobAlarms) {
          expect(alarm.Properties).toMatchObject({ Threshold: 1, TreatMissingData: 'notBreaching' });
        }
      }
      expect(total).toBeGreaterThan(0);
    });

    it('every alarm of every stack notifies the stage’s topic and says what to do', () => {
      const alarms = resourcesOf('AWS::CloudWatch::Alarm');

      expect(alarms.length).toBeGreaterThan(0);
      for (const alarm of alarms) {
        expect(actionsOf(alarm.Properties)).toEqual([TOPIC_ARN]);
        expect(JSON.stringify(alarm.Properties.AlarmDescription).length).toBeGreaterThan(80);
      }
    });
  });
});
