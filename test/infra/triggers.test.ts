import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionSpec, httpRoutes, type IotRuleTrigger } from '../../infra/manifest.ts';
import { isPublicRoute, routeKey } from '../../shared/contracts/route.ts';
import { ROLES } from '../../shared/domain/roles.ts';
import {
  actionsOf,
  houseFunctions,
  logicalIdOf,
  type Resource,
  required,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from './synth-stack.ts';

// biome-ignore lint/suspicious/noTemplateCurlyInString: IoT substitution templates, evaluated by IoT Core, not by JS.
const IOT_ERROR_KEY = 'iot-errors/${topic()}/${timestamp()}-${newuuid()}.json';

type IotRuleFunction = FunctionSpec & { trigger: IotRuleTrigger };

describe('triggers: IoT rules, HTTP API, schedules', () => {
  let synth: Synthesized;
  const resourcesOf = (type: string): Resource[] =>
    Object.values(synth.template.findResources(type) as Record<string, Resource>);
  const fnOf = (id: string) => required(houseFunctions(synth.stack)[id], `function ${id}`).fn;
  const fnRef = (id: string) => ({ 'Fn::GetAtt': [logicalIdOf(fnOf(id)), 'Arn'] });

  beforeAll(() => {
    synth = synthesize();
  });
  afterAll(() => synth.cleanup());

  describe('IoT ingest', () => {
    const rule = () => required(synth.stack.ingest.rules.qingshan_meter_telemetry, 'telemetry rule');
    const payload = () =>
      (synth.template.toJSON().Resources[logicalIdOf(rule())] as Resource).Properties
        .TopicRulePayload as Record<string, unknown>;
    const queueOf = (id: string) => required(synth.stack.ingest.queues[id], `queue of ${id}`);
    const queueRef = (id: string) => ({ 'Fn::GetAtt': [logicalIdOf(queueOf(id)), 'Arn'] });
    const propertiesOf = (logicalId: string) =>
      (synth.template.toJSON().Resources[logicalId] as Resource).Properties;
    const expectEncryptedSslOnly = (logicalId: string) => {
      expect(propertiesOf(logicalId).SqsManagedSseEnabled).toBe(true);
      synth.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    };
    const iotSpecs = FUNCTIONS.filter((fn): fn is IotRuleFunction => fn.trigger.kind === 'iotRule');

    it('selects every meter message with its meter id, client id and arrival time, SQL 2016-03-23', () => {
      expect(payload().Sql).toBe(
        "SELECT *, topic(3) AS meterId, clientid() AS clientId, timestamp() AS receivedAt FROM 'qingshan/meters/+/telemetry'",
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

      const statements = statementsOfRole(synth.template, roleId);
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
      expect(JSON.stringify(trust)).toContain(':rule/qingshan_meter_telemetry');
    });

    it('writes undeliverable messages to the dead-letter bucket under iot-errors/', () => {
      const s3 = (payload().ErrorAction as { S3: Record<string, unknown> }).S3;

      expect(s3.BucketName).toEqual({ Ref: logicalIdOf(synth.stack.data.buckets.deadLetter) });
      expect(s3.Key).toBe(IOT_ERROR_KEY);
    });

    it('the error-action role may only put objects under iot-errors/ of that bucket', () => {
      const roleArn = (payload().ErrorAction as { S3: { RoleArn: { 'Fn::GetAtt': [string, string] } } }).S3
        .RoleArn;

      const statements = statementsOfRole(synth.template, roleArn['Fn::GetAtt'][0]);

      expect(statements).toEqual([
        {
          Effect: 'Allow',
          Action: 's3:PutObject',
          Resource: {
            'Fn::Join': [
              '',
              [{ 'Fn::GetAtt': [logicalIdOf(synth.stack.data.buckets.deadLetter), 'Arn'] }, '/iot-errors/*'],
            ],
          },
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
    const authorizerId = () => logicalIdOf(synth.stack.api.httpApi.node.findChild('CognitoJwt'));

    it.each(httpRoutes().map(({ route }) => route))(
      '$method $path is protected exactly when not public',
      (route) => {
        const actual = routeOf(routeKey(route));

        if (isPublicRoute(route)) {
          expect(actual?.AuthorizationType).toBe('NONE');
          expect(actual?.AuthorizerId).toBeUndefined();
        } else {
          expect(actual?.AuthorizationType).toBe('JWT');
          expect(actual?.AuthorizerId).toEqual({ Ref: authorizerId() });
        }
      },
    );

    it('the JWT authorizer trusts only this user pool and its client', () => {
      const authorizer = (synth.template.toJSON().Resources[authorizerId()] as Resource).Properties;
      const pool = logicalIdOf(synth.stack.api.userPool);

      expect(authorizer.IdentitySource).toEqual(['$request.header.Authorization']);
      expect(authorizer.JwtConfiguration).toEqual({
        Audience: [{ Ref: logicalIdOf(synth.stack.api.userPoolClient) }],
        Issuer: {
          'Fn::Join': [
            '',
            ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: pool }],
          ],
        },
      });
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

    it('the user pool admits no self sign-up, demands strong passwords and offers TOTP', () => {
      const pool = (synth.template.toJSON().Resources[logicalIdOf(synth.stack.api.userPool)] as Resource)
        .Properties;

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
        expect.arrayContaining([
          expect.objectContaining({ Name: 'department', AttributeDataType: 'String' }),
        ]),
      );
    });

    it('has one user pool group per role', () => {
      const groups = resourcesOf('AWS::Cognito::UserPoolGroup').map((group) => group.Properties.GroupName);

      expect(groups.sort()).toEqual([...ROLES].sort());
    });

    it('outputs what a client needs to connect', () => {
      expect(Object.keys(synth.template.toJSON().Outputs).sort()).toEqual(
        [
          'ApiUrl',
          'IngestTelemetryDeadLetterQueueArn',
          'OpsAlarmTopicArn',
          'Region',
          'UserPoolClientId',
          'UserPoolId',
          'WebAppUrl',
          'WebBucketName',
          'WebConfigJson',
          'WebDistributionId',
        ].sort(),
      );
    });
  });

  describe('scheduled jobs', () => {
    const scheduled = FUNCTIONS.filter((fn) => fn.trigger.kind === 'schedule');

    it.each(scheduled.map((fn) => fn.id))(
      '%s fires on time in Asia/Shanghai with retries and a DLQ',
      (id) => {
        const schedule = resourcesOf('AWS::Scheduler::Schedule').find(
          (candidate) =>
            JSON.stringify((candidate.Properties.Target as { Arn: unknown }).Arn) ===
            JSON.stringify(fnRef(id)),
        )?.Properties;
        const target = schedule?.Target as Record<string, unknown>;

        expect(schedule?.ScheduleExpressionTimezone).toBe('Asia/Shanghai');
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

        const statements = statementsOfRole(synth.template, target.RoleArn['Fn::GetAtt'][0]);
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
