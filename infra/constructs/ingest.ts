import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnTopicRule } from 'aws-cdk-lib/aws-iot';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { FUNCTIONS, type FunctionSpec, type IotRuleTrigger } from '../manifest.ts';
import { type DataResources, type DeploymentSettings, HouseFunction } from './house-function.ts';
import { lastStopQueue } from './last-stop-queue.ts';
import { acknowledgeWildcardResource, arnRef } from './nag-suppressions.ts';

export interface IngestProps {
  settings: DeploymentSettings;
  data: DataResources;
}

/** Where the rule's error action drops messages it could not deliver, to be listed and replayed. */
export const IOT_ERROR_PREFIX = 'iot-errors/';
/** IoT substitution templates, evaluated per message: one object per failed message, grouped by topic. */
export const IOT_ERROR_KEY = `${IOT_ERROR_PREFIX}\${topic()}/\${timestamp()}-\${newuuid()}.json`;
export const IOT_SQL_VERSION = '2016-03-23';
/** IoT invokes Lambda asynchronously; two retries, then the event goes to the failure queue. */
export const ASYNC_RETRY_ATTEMPTS = 2;

type IotRuleFunction = FunctionSpec & { trigger: IotRuleTrigger };

/**
 * The telemetry path: IoT topic rules to their functions. Nothing is dropped: a message the rule cannot
 * deliver lands in the dead-letter bucket, an invocation that keeps failing lands in an encrypted queue.
 */
export class Ingest extends Construct {
  public readonly functions: Readonly<Record<string, HouseFunction>>;
  public readonly rules: Readonly<Record<string, CfnTopicRule>>;

  constructor(scope: Construct, id: string, props: IngestProps) {
    super(scope, id);
    const specs = FUNCTIONS.filter((spec): spec is IotRuleFunction => spec.trigger.kind === 'iotRule');
    const errorRole = this.createErrorActionRole(props.data.buckets.deadLetter);
    const functions: Record<string, HouseFunction> = {};
    const rules: Record<string, CfnTopicRule> = {};
    for (const spec of specs) {
      const fn = new HouseFunction(this, spec.id, { spec, settings: props.settings, data: props.data });
      this.routeFailedInvocations(spec, fn);
      rules[spec.trigger.ruleName] = this.createRule(spec, fn, props.data.buckets.deadLetter, errorRole);
      functions[spec.id] = fn;
    }
    this.functions = functions;
    this.rules = rules;
  }

  private createRule(
    spec: IotRuleFunction,
    fn: HouseFunction,
    deadLetter: IBucket,
    errorRole: Role,
  ): CfnTopicRule {
    const rule = new CfnTopicRule(this, `${spec.id}Rule`, {
      ruleName: spec.trigger.ruleName,
      topicRulePayload: {
        description: spec.trigger.description,
        sql: spec.trigger.sql,
        awsIotSqlVersion: IOT_SQL_VERSION,
        ruleDisabled: false,
        actions: [{ lambda: { functionArn: fn.fn.functionArn } }],
        errorAction: {
          s3: { bucketName: deadLetter.bucketName, key: IOT_ERROR_KEY, roleArn: errorRole.roleArn },
        },
      },
    });
    // Only this rule, in this account, may invoke the function.
    fn.fn.addPermission(`${spec.id}IotInvoke`, {
      principal: new ServicePrincipal('iot.amazonaws.com'),
      sourceArn: rule.attrArn,
      sourceAccount: Stack.of(this).account,
    });
    return rule;
  }

  private createErrorActionRole(deadLetter: IBucket): Role {
    const role = new Role(this, 'ErrorActionRole', {
      assumedBy: new ServicePrincipal('iot.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description:
        'Lets IoT topic rules write undeliverable messages to the dead-letter bucket, nothing else',
    });
    const errorObjects = deadLetter.arnForObjects(`${IOT_ERROR_PREFIX}*`);
    role.addToPolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [errorObjects] }));
    acknowledgeWildcardResource(
      role,
      `${arnRef(deadLetter)}/${IOT_ERROR_PREFIX}*`,
      'Error-action keys are generated per message (topic, timestamp, uuid); the grant is PutObject on that prefix only.',
    );
    return role;
  }

  private routeFailedInvocations(spec: IotRuleFunction, fn: HouseFunction): void {
    const queue = lastStopQueue(
      this,
      `${spec.id}FailedInvocations`,
      'This queue is itself the last stop (Lambda on-failure destination) for failed async invocations.',
    );
    fn.fn.configureAsyncInvoke({ retryAttempts: ASYNC_RETRY_ATTEMPTS, onFailure: new SqsDestination(queue) });
  }
}
