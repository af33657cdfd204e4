import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logicalIdOf, type Resource, required, type Synthesized, synthesize } from './synth-stack.ts';

type GetAtt = { 'Fn::GetAtt': [string, string] };

describe('operational alarms', () => {
  let synth: Synthesized;
  const resourcesOf = (type: string, template = synth.template): Resource[] =>
    Object.values(template.findResources(type) as Record<string, Resource>);
  const propertiesOf = (logicalId: string) =>
    (synth.template.toJSON().Resources[logicalId] as Resource).Properties;
  const topicRef = () => ({ Ref: logicalIdOf(synth.stack.opsAlarms.topic) });
  const alarmsOn = (metricName: string, dimensionValue: unknown) =>
    resourcesOf('AWS::CloudWatch::Alarm')
      .map((alarm) => alarm.Properties)
      .filter(
        (alarm) =>
          alarm.MetricName === metricName &&
          JSON.stringify(alarm.Dimensions).includes(JSON.stringify(dimensionValue)),
      );

  beforeAll(() => {
    synth = synthesize();
  });
  afterAll(() => synth.cleanup());

  describe('the alarm topic', () => {
    it('is encrypted with a rotated customer key that CloudWatch may use', () => {
      const keyArn = propertiesOf(logicalIdOf(synth.stack.opsAlarms.topic)).KmsMasterKeyId as GetAtt;
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
        const subscriptions = resourcesOf('AWS::SNS::Subscription', withEmail.template);

        expect(subscriptions.map((subscription) => subscription.Properties)).toEqual([
          {
            Protocol: 'email',
            Endpoint: 'ops@example.com',
            TopicArn: { Ref: logicalIdOf(withEmail.stack.opsAlarms.topic) },
          },
        ]);
      } finally {
        withEmail.cleanup();
      }
    });

    it('is an output', () => {
      expect(synth.template.toJSON().Outputs.OpsAlarmTopicArn.Value).toEqual(topicRef());
    });
  });

  describe('alarms', () => {
    /** Read from the template, not from the construct: what redrives or Scheduler actually names. */
    const deadLetterQueueIds = (): string[] => {
      const redriveTargets = resourcesOf('AWS::SQS::Queue').flatMap((queue) => {
        const redrive = queue.Properties.RedrivePolicy as { deadLetterTargetArn: GetAtt } | undefined;
        return redrive === undefined ? [] : [redrive.deadLetterTargetArn['Fn::GetAtt'][0]];
      });
      const scheduleTargets = resourcesOf('AWS::Scheduler::Schedule').flatMap((schedule) => {
        const target = schedule.Properties.Target as { DeadLetterConfig?: { Arn: GetAtt } };
        return target.DeadLetterConfig === undefined ? [] : [target.DeadLetterConfig.Arn['Fn::GetAtt'][0]];
      });
      return [...new Set([...redriveTargets, ...scheduleTargets])].sort();
    };

    it('covers every dead-letter queue, and there are some', () => {
      const ids = deadLetterQueueIds();

      expect(ids.length).toBeGreaterThanOrEqual(2);
      for (const id of ids) {
        expect(alarmsOn('ApproximateNumberOfMessagesVisible', { 'Fn::GetAtt': [id, 'QueueName'] })).toEqual([
          expect.objectContaining({
            Namespace: 'AWS/SQS',
            Statistic: 'Maximum',
            Period: 300,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            Threshold: 1,
            TreatMissingData: 'notBreaching',
            AlarmActions: [topicRef()],
          }),
        ]);
      }
    });

    it('rings when the oldest ingest record has waited 15 minutes', () => {
      const queue = required(synth.stack.ingest.queues.ingestTelemetry, 'ingest queue');

      expect(
        alarmsOn('ApproximateAgeOfOldestMessage', { 'Fn::GetAtt': [logicalIdOf(queue), 'QueueName'] }),
      ).toEqual([
        expect.objectContaining({
          Statistic: 'Maximum',
          Period: 300,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Threshold: 900,
          TreatMissingData: 'notBreaching',
          AlarmActions: [topicRef()],
        }),
      ]);
    });

    it('rings when the ingest function fails in two 5-minute periods running', () => {
      const fn = required(synth.stack.ingest.functions.ingestTelemetry, 'ingest function').fn;

      expect(alarmsOn('Errors', { Ref: logicalIdOf(fn) })).toEqual([
        expect.objectContaining({
          Namespace: 'AWS/Lambda',
          Statistic: 'Sum',
          Period: 300,
          EvaluationPeriods: 2,
          DatapointsToAlarm: 2,
          Threshold: 1,
          TreatMissingData: 'notBreaching',
          AlarmActions: [topicRef()],
        }),
      ]);
    });

    it('rings when any scheduled job fails, without an alarm per job', () => {
      const jobs = Object.values(synth.stack.jobs.functions).map((job) => logicalIdOf(job.fn));
      const jobAlarms = resourcesOf('AWS::CloudWatch::Alarm').filter((alarm) =>
        jobs.some((id) => JSON.stringify(alarm.Properties.Metrics ?? []).includes(`{"Ref":"${id}"}`)),
      );
      const watched = JSON.stringify(jobAlarms.map((alarm) => alarm.Properties.Metrics));

      expect(jobs.length).toBeGreaterThan(0);
      expect(jobAlarms.length).toBe(Math.ceil(jobs.length / 10));
      for (const id of jobs) expect(watched).toContain(`{"Ref":"${id}"}`);
      for (const alarm of jobAlarms) {
        expect(alarm.Properties).toMatchObject({
          Threshold: 1,
          TreatMissingData: 'notBreaching',
          AlarmActions: [topicRef()],
        });
      }
    });

    it('rings once the working calendar has 60 days or fewer left, from the daily metric', () => {
      expect(alarmsOn('WorkingCalendarDaysLeft', 'dev')).toEqual([
        expect.objectContaining({
          Namespace: 'Qingshan',
          Dimensions: [{ Name: 'Stage', Value: 'dev' }],
          Statistic: 'Minimum',
          Period: 86_400,
          ComparisonOperator: 'LessThanOrEqualToThreshold',
          Threshold: 60,
          TreatMissingData: 'ignore',
          AlarmActions: [topicRef()],
        }),
      ]);
    });

    it('every alarm notifies the topic and says what to do', () => {
      const alarms = resourcesOf('AWS::CloudWatch::Alarm');

      expect(alarms.length).toBeGreaterThan(0);
      for (const alarm of alarms) {
        expect(alarm.Properties.AlarmActions).toEqual([topicRef()]);
        expect(JSON.stringify(alarm.Properties.AlarmDescription).length).toBeGreaterThan(80);
      }
    });
  });
});
