import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionSpec, httpRoutes, type IotRuleTrigger } from '../../infra/manifest.ts';
import { isPublicRoute, routeKey } from '../../shared/contracts/route.ts';
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

// biome-ignore lint/suspicious/noTemplateCurlyInString: IoT substitution templates, evaluated by IoT Core, not by JS.
const IOT_ERROR_KEY = 'iot-errors/${topic()}/${timestamp()}-${newuuid()}.json';

type IotRuleFunction = FunctionSpec & { trigger: IotRuleTrigger };

describe('triggers: IoT rules, HTTP API, schedules', () => {
  let synth: Synthesized;
  const resourcesOf = (type: string): Resource[] => synth.resourcesOf(type);
  const fnOf = (id: string) => required(houseFunctions(synth.stacks)[id], `function ${id}`).fn;
  const fnRef = (id: string) => ({ 'Fn::GetAtt': [logicalIdOf(fnOf(id)), 'Arn'] });

  beforeAll(() => {
    synth = synthesize();
  });
  afterAll(() => synth.cleanup());

  describe('IoT ingest', () => {
    const carbon = () => required(synth.stacks.contexts.carbon, 'carbon stack');
    const template = () => synth.templateOf(carbon());
    const rule = () => required(carbon().ingest.rules.qingshan_dev_meter_telemetry, 'telemetry rule');
    const payload = () => resourceOf(synth, rule()).Properties.TopicRulePayload as Record<string, unknown>;
    const queueOf = (id: string) => required(carbon().ingest.queues[id], `queue of ${id}`);
    const queueRef = (id: string) => ({ 'Fn::GetAtt': [logicalIdOf(queueOf(id)), 'Arn'] });
    const propertiesOf = (logicalId: string) =>
      (template().toJSON().Resources[logicalId] as Resource).Properties;
    const expectEncryptedSslOnly = (logicalId: string) => {
      expect(propertiesOf(logicalId).SqsManagedSseEnabled).toBe(true);
      template().hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    };
    const iotSpecs = FUNCTIONS.filter((fn): fn is IotRuleFunction => fn.trigger.kind === 'iotRule');

    it('selects every meter message of its stage with its meter id, client id and arrival time, SQL 2016-03-23', () => {
      expect(payload().Sql).toBe(
        "SELECT *, topic(4) AS meterId, clientid() AS clientId, timestamp() AS receivedAt FROM 'qingshan/dev/meters/+/telemetry'",
      );
      expect(payload().AwsIotSqlVersion).toBe('2016-03-23');
    });

    it('sends each message, as plain JSON, to the ingest queue', () => {
      const actions = payload().Actions as { Sqs: { RoleArn: unknown } }[];

      expect(actions).toEqual([
        {
          Sqs: {
            QueueUrl: { Ref: logicalIdOf(queueOf('ingestTelemetry')) },
            RoleArn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] },
            UseBase64: false,
          },
        },
      ]);
    });

    it('the rule role may only send messages to that queue, and only this rule in this account may assume it', () => {
      const roleId = (payload().Actions as { Sqs: { RoleArn: { 'Fn::GetAtt': [string, string] } } }[])[0]?.Sqs
        .RoleArn['Fn::GetAtt'][0] as string;

      const statements = statementsOfRole(template(), roleId);
      const trust = (
        propertiesOf(roleId).AssumeRolePolicyDocument as { Statement: Record<string, unknown>[] }
      ).Statement;

      expect(statements).toEqual([
        { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: queueRef('ingestTelemetry') },
      ]);
      expect(trust).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'iot.amazonaws.com' },
          Condition: expect.objectContaining({
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          }),
        }),
      ]);
      expect(JSON.stringify(trust)).toContain(':rule/qingshan_dev_meter_telemetry');
    });

    it('writes undeliverable messages to the dead-letter bucket under iot-errors/', () => {
      const s3 = (payload().ErrorAction as { S3: Record<string, unknown> }).S3;

      expect(flat(s3.BucketName)).toBe('qingshan-dev-dead-letter-<AWS::AccountId>-<AWS::Region>');
      expect(s3.Key).toBe(IOT_ERROR_KEY);
    });

    it('the error-action role may only put objects under iot-errors/ of that bucket', () => {
      const roleArn = (payload().ErrorAction as { S3: { RoleArn: { 'Fn::GetAtt': [string, string] } } }).S3
        .RoleArn;

      const statements = statementsOfRole(template(), roleArn['Fn::GetAtt'][0]);

      expect(statements.map((statement) => ({ ...statement, Resource: flat(statement.Resource) }))).toEqual([
        {
          Effect: 'Allow',
          Action: 's3:PutObject',
          Resource:
            'arn:<AWS::Partition>:s3:::qingshan-dev-dead-letter-<AWS::AccountId>-<AWS::Region>/iot-errors/*',
        },
      ]);
    });

    it.each(iotSpecs.map((spec) => [spec.id, spec] as const))(
      '%s consumes its queue in the manifest batches, reporting partial batch failures',
      (id, spec) => {
        const mappings = resourcesOf('AWS::Lambda::EventSourceMapping').filter(
          (mapping) =>
            JSON.stringify(mapping.Properties.FunctionName) ===
            JSON.stringify({ Ref: logicalIdOf(fnOf(id)) }),
        );

        expect(mappings.map((mapping) => mapping.Properties)).toEqual([
          {
            EventSourceArn: queueRef(id),
            FunctionName: { Ref: logicalIdOf(fnOf(id)) },
            BatchSize: spec.trigger.queue.batchSize,
            MaximumBatchingWindowInSeconds: spec.trigger.queue.maxBatchingWindowSeconds,
            ScalingConfig: { MaximumConcurrency: spec.trigger.queue.maxConcurrency },
            FunctionResponseTypes: ['ReportBatchItemFailures'],
          },
        ]);
      },
    );

    it.each(iotSpecs.map((spec) => [spec.id, spec] as const))(
      '%s: its encrypted, SSL-only queue moves a record to an encrypted, SSL-only DLQ after the manifest receives',
      (id, spec) => {
        const queueId = logicalIdOf(queueOf(id));
        const redrive = propertiesOf(queueId).RedrivePolicy as {
          deadLetterTargetArn: { 'Fn::GetAtt': [string, string] };
          maxReceiveCount: number;
        };
        const dlqId = redrive.deadLetterTargetArn['Fn::GetAtt'][0];

        expect(redrive.maxReceiveCount).toBe(spec.trigger.queue.maxReceiveCount);
        expect(dlqId).not.toBe(queueId);
        expectEncryptedSslOnly(queueId);
        expectEncryptedSslOnly(dlqId);
        expect(propertiesOf(dlqId).MessageRetentionPeriod).toBe(14 * 24 * 3600);
      },
    );

    it.each(iotSpecs.map((spec) => spec.id))(
      '%s: its queue hides a received batch for at least six function timeouts',
      (id) => {
        const timeout = propertiesOf(logicalIdOf(fnOf(id))).Timeout as number;

        expect(timeout).toBeGreaterThan(0);
        expect(propertiesOf(logicalIdOf(queueOf(id))).VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
      },
    );

    it('IoT can no longer invoke the functions directly, and nothing is invoked asynchronously', () => {
      const iotPermissions = resourcesOf('AWS::Lambda::Permission').filter(
        (permission) => permission.Properties.Principal === 'iot.amazonaws.com',
      );

      expect(iotPermissions).toEqual([]);
      expect(resourcesOf('AWS::Lambda::EventInvokeConfig')).toEqual([]);
    });
  });
  describe('HTTP API', () => {
    const routeOf = (key: string) =>
      resourcesOf('AWS::ApiGatewayV2::Route').find((route) => route.Properties.RouteKey === key)?.Properties;
    const apiTemplate = () => synth.templateOf(synth.stacks.api);
    const authorizer = () =>
      required(
        Object.values(apiTemplate().findResources('AWS::ApiGatewayV2::Authorizer'))[0],
        'authorizer',
      ) as Resource;
    /** The SSM parameter name a `{Ref}` to a deploy-time parameter of `construct`'s stack reads. */
    const parameterName = (stack: Stack, ref: unknown): unknown => {
      const id = (ref as { Ref?: string }).Ref ?? '';
      return (synth.templateOf(stack).toJSON().Parameters?.[id] as { Default?: unknown } | undefined)
        ?.Default;
    };

    it.each(httpRoutes().map(({ fn, route }) => [fn.id, route] as const))(
      '%s: $method $path is protected exactly when not public, by the stage’s authorizer',
      (id, route) => {
        const actual = routeOf(routeKey(route));
        const stack = Stack.of(fnOf(id));

        if (isPublicRoute(route)) {
          expect(actual?.AuthorizationType).toBe('NONE');
          expect(actual?.AuthorizerId).toBeUndefined();
        } else {
          expect(actual?.AuthorizationType).toBe('JWT');
          expect(parameterName(stack, actual?.AuthorizerId)).toBe('/qingshan/dev/api/authorizer-id');
        }
        expect(parameterName(stack, actual?.ApiId)).toBe('/qingshan/dev/api/id');
      },
    );

    it('the JWT authorizer trusts only this stage’s user pool and its two app clients', () => {
      const config = authorizer().Properties.JwtConfiguration as { Issuer: unknown; Audience: unknown };
      // Fn::Select of 0 and 1 over Fn::Split(',', <the audience parameter>): the two app clients.
      const audience = config.Audience as { 'Fn::Select': [number, { 'Fn::Split': [string, unknown] }] }[];
      const parameters = synth.resourcesOf('AWS::SSM::Parameter').map((p) => p.Properties);
      const identity = required(synth.stacks.stateful.identity, 'identity');
      const published = (name: string) => parameters.find((p) => p.Name === name)?.Value;

      expect(authorizer().Properties.IdentitySource).toEqual(['$request.header.Authorization']);
      expect(parameterName(synth.stacks.api, config.Issuer)).toBe('/qingshan/dev/identity/issuer');
      expect(audience.map((item) => item['Fn::Select'][0])).toEqual([0, 1]);
      for (const item of audience) {
        const [separator, source] = item['Fn::Select'][1]['Fn::Split'];
        expect(separator).toBe(',');
        expect(parameterName(synth.stacks.api, source)).toBe('/qingshan/dev/identity/audience');
      }
      expect(flat(published('/qingshan/dev/identity/issuer'))).toBe(
        `https://<${logicalIdOf(identity.userPool)}.ProviderURL>`,
      );
      expect(flat(published('/qingshan/dev/identity/audience'))).toBe(
        `<${logicalIdOf(identity.webClient)}>,<${logicalIdOf(identity.cliClient)}>`,
      );
    });

    it('integrates every route with payload format 2.0', () => {
      const integrations = resourcesOf('AWS::ApiGatewayV2::Integration');

      expect(integrations.length).toBeGreaterThan(0);
      for (const integration of integrations) {
        expect(integration.Properties).toMatchObject({
          IntegrationType: 'AWS_PROXY',
          PayloadFormatVersion: '2.0',
        });
      }
    });

    it('logs every request as JSON with request id, ip, route, status, latency and user', () => {
      const stage = resourcesOf('AWS::ApiGatewayV2::Stage')[0]?.Properties ?? {};
      const format = JSON.parse((stage.AccessLogSettings as { Format: string }).Format) as Record<
        string,
        string
      >;

      expect(format).toMatchObject({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latency: '$context.responseLatency',
        userSub: '$context.authorizer.claims.sub',
      });
      expect(stage.StageName).toBe('$default');
      expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: expect.any(Number) });
    });

    it('outputs what a client and an operator need, each from the stack that owns it', () => {
      const outputsOf = (stack: Stack) => Object.keys(synth.templateOf(stack).toJSON().Outputs ?? {}).sort();

      expect(outputsOf(synth.stacks.stateful)).toEqual(
        ['CliClientId', 'OpsAlarmTopicArn', 'SignInUrl', 'UserPoolClientId', 'UserPoolId'].sort(),
      );
      expect(outputsOf(synth.stacks.api)).toEqual(['ApiUrl', 'Region']);
      expect(outputsOf(required(synth.stacks.contexts.carbon, 'carbon'))).toEqual([
        'IngestTelemetryDeadLetterQueueArn',
      ]);
    });
  });

  describe('scheduled jobs', () => {
    const scheduled = FUNCTIONS.filter((fn) => fn.trigger.kind === 'schedule');

    it.each(scheduled.map((fn) => fn.id))(
      '%s fires on time in Asia/Shanghai with retries and a DLQ, under a stage name',
      (id) => {
        const schedule = resourcesOf('AWS::Scheduler::Schedule').find(
          (candidate) =>
            JSON.stringify((candidate.Properties.Target as { Arn: unknown }).Arn) ===
            JSON.stringify(fnRef(id)),
        )?.Properties;
        const target = schedule?.Target as Record<string, unknown>;

        expect(schedule?.ScheduleExpressionTimezone).toBe('Asia/Shanghai');
        expect(schedule?.Name).toMatch(/^qingshan-dev-/);
        expect(schedule?.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
        expect(target.RetryPolicy).toMatchObject({ MaximumRetryAttempts: expect.any(Number) });
        expect(target.DeadLetterConfig).toMatchObject({ Arn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } });
      },
    );

    it.each(scheduled.map((fn) => fn.id))(
      '%s is invoked by a role that can invoke only that function',
      (id) => {
        const schedule = resourcesOf('AWS::Scheduler::Schedule').find(
          (candidate) =>
            JSON.stringify((candidate.Properties.Target as { Arn: unknown }).Arn) ===
            JSON.stringify(fnRef(id)),
        )?.Properties;
        const target = schedule?.Target as {
          RoleArn: { 'Fn::GetAtt': [string, string] };
          DeadLetterConfig: { Arn: unknown };
        };

        const statements = statementsOfRole(synth.templateOf(fnOf(id)), target.RoleArn['Fn::GetAtt'][0]);
        const invoke = statements.filter((statement) =>
          actionsOf(statement).includes('lambda:InvokeFunction'),
        );
        const others = statements.filter((statement) => !invoke.includes(statement));

        expect(invoke).toHaveLength(1);
        expect(actionsOf(invoke[0] ?? {})).toEqual(['lambda:InvokeFunction']);
        expect(JSON.stringify(invoke[0]?.Resource)).not.toMatch(/"\*"/);
        for (const ref of JSON.stringify(invoke[0]?.Resource).match(/"Fn::GetAtt":\["[^"]+"/g) ?? []) {
          expect(ref).toContain(fnRef(id)['Fn::GetAtt'][0]);
        }
        // Besides invoking, Scheduler needs to hand undeliverable fires to the DLQ.
        expect(others).toEqual([
          { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: target.DeadLetterConfig.Arn },
        ]);
      },
    );
  });
});
