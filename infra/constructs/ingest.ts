import { Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnTopicRule } from 'aws-cdk-lib/aws-iot';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type FunctionSpec, type IotRuleTrigger, iotRuleName } from '../manifest.ts';
import { stageName } from '../names.ts';
import {
  type DataResources,
  DEFAULT_TIMEOUT_SECONDS,
  type DeploymentSettings,
  HouseFunction,
} from './house-function.ts';
import { lastStopQueue } from './last-stop-queue.ts';
import { acknowledgeWildcardResource, nagNotation } from './nag-suppressions.ts';

export interface IngestProps {
  settings: DeploymentSettings;
  data: DataResources;
  /** The context's functions with an IoT rule trigger. */
  specs: readonly IotRuleFunction[];
}

/** Where the rule's error action drops messages it could not deliver, to be listed and replayed. */
export const IOT_ERROR_PREFIX = 'iot-errors/';
/** IoT substitution templates, evaluated per message: one object per failed message, grouped by topic. */
export const IOT_ERROR_KEY = `${IOT_ERROR_PREFIX}\${topic()}/\${timestamp()}-\${newuuid()}.json`;
export const IOT_SQL_VERSION = '2016-03-23';
/**
 * Lambda's advice for SQS event sources: a visibility timeout of at least six function timeouts, so a
 * batch that is throttled and retried is not redelivered while it is still being handled.
 */
export const VISIBILITY_TIMEOUT_FACTOR = 6;
/**
 * SQS's default four days ride out a long weekend without a working consumer. A record keeps its first
 * enqueue time when it moves to the dead-letter queue, whose 14 days must therefore be the longer.
 */
export const INGEST_QUEUE_RETENTION = Duration.days(4);

export type IotRuleFunction = FunctionSpec & { trigger: IotRuleTrigger };

/**
 * The telemetry path: IoT topic rules to a queue per function, consumed in batches. Nothing is dropped:
 * a message the rule cannot enqueue lands in the dead-letter bucket, a record that keeps failing moves
 * to an encrypted dead-letter queue after the manifest's number of receives.
 */
export class Ingest extends Construct {
  public readonly functions: Readonly<Record<string, HouseFunction>>;
  public readonly rules: Readonly<Record<string, CfnTopicRule>>;
  /** The work queue of each function, by manifest id; its `deadLetterQueue` is the last stop. */
  public readonly queues: Readonly<Record<string, Queue>>;
  private readonly settings: DeploymentSettings;

  constructor(scope: Construct, id: string, props: IngestProps) {
    super(scope, id);
    const { specs, settings } = props;
    this.settings = settings;
    // One error-action role for the context's rules; a context without rules gets none.
    const errorRole =
      specs.length === 0 ? undefined : this.createErrorActionRole(props.data.buckets.deadLetter);
    const functions: Record<string, HouseFunction> = {};
    const rules: Record<string, CfnTopicRule> = {};
    const queues: Record<string, Queue> = {};
    for (const spec of specs) {
      if (errorRole === undefined) break;
      const fn = new HouseFunction(this, spec.id, { spec, settings: props.settings, data: props.data });
      const queue = this.createQueue(spec);
      this.consumeQueue(spec, fn, queue);
      rules[iotRuleName(settings.stage, spec.trigger)] = this.createRule(
        spec,
        queue,
        props.data.buckets.deadLetter,
        errorRole,
      );
      functions[spec.id] = fn;
      queues[spec.id] = queue;
    }
    this.functions = functions;
    this.rules = rules;
    this.queues = queues;
  }

  /** An encrypted, SSL-only work queue whose records move to the last stop after `maxReceiveCount` receives. */
  private createQueue(spec: IotRuleFunction): Queue {
    const { maxBatchingWindowSeconds, maxReceiveCount } = spec.trigger.queue;
    const deadLetters = lastStopQueue(
      this,
      `${spec.id}DeadLetters`,
      `This queue is the dead-letter queue of the ${spec.id} work queue; records wait here for a person.`,
      stageName(this.settings.stage, `${spec.id}-dlq`),
    );
    const timeoutSeconds = spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    return new Queue(this, `${spec.id}Queue`, {
      queueName: stageName(this.settings.stage, spec.id),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The batching window is spent before the invocation starts, so it is added on top.
      visibilityTimeout: Duration.seconds(
        VISIBILITY_TIMEOUT_FACTOR * timeoutSeconds + maxBatchingWindowSeconds,
      ),
      retentionPeriod: INGEST_QUEUE_RETENTION,
      deadLetterQueue: { queue: deadLetters, maxReceiveCount },
    });
  }

  /** Batches with partial batch responses: only the records the handler reports failed come back. */
  private consumeQueue(spec: IotRuleFunction, fn: HouseFunction, queue: Queue): void {
    const { batchSize, maxBatchingWindowSeconds, maxConcurrency } = spec.trigger.queue;
    fn.fn.addEventSource(
      new SqsEventSource(queue, {
        batchSize,
        maxBatchingWindow: Duration.seconds(maxBatchingWindowSeconds),
        maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
  }

  private createRule(
    spec: IotRuleFunction,
    queue: Queue,
    deadLetter: IBucket,
    errorRole: Role,
  ): CfnTopicRule {
    const sendRole = this.createSendRole(spec, queue);
    const rule = new CfnTopicRule(this, `${spec.id}Rule`, {
      ruleName: iotRuleName(this.settings.stage, spec.trigger),
      topicRulePayload: {
        description: spec.trigger.description,
        sql: spec.trigger.sql(this.settings.stage),
        awsIotSqlVersion: IOT_SQL_VERSION,
        ruleDisabled: false,
        // The SQL output as plain JSON: the handler parses each record's body.
        actions: [{ sqs: { queueUrl: queue.queueUrl, roleArn: sendRole.roleArn, useBase64: false } }],
        errorAction: {
          s3: { bucketName: deadLetter.bucketName, key: IOT_ERROR_KEY, roleArn: errorRole.roleArn },
        },
      },
    });
    // The roles with their policies, not just the roles: the rule must be able to act once it exists.
    rule.node.addDependency(sendRole, errorRole);
    return rule;
  }

  /**
   * Only this rule, in this account, may assume the role, and it may only send to this queue. The queue
   * is SQS-managed encrypted, so no KMS grant is needed. The rule ARN is built from its name, not read
   * from the rule, which itself refers to the role.
   */
  private createSendRole(spec: IotRuleFunction, queue: Queue): Role {
    const stack = Stack.of(this);
    const ruleArn = stack.formatArn({
      service: 'iot',
      resource: 'rule',
      resourceName: iotRuleName(this.settings.stage, spec.trigger),
    });
    const role = new Role(this, `${spec.id}RuleRole`, {
      assumedBy: new ServicePrincipal('iot.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': ruleArn },
        },
      }),
      description: `Lets the ${iotRuleName(this.settings.stage, spec.trigger)} IoT rule send messages to the ${spec.id} queue, nothing else`,
    });
    role.addToPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
    return role;
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
      `${nagNotation(role, deadLetter.bucketArn)}/${IOT_ERROR_PREFIX}*`,
      'Error-action keys are generated per message (topic, timestamp, uuid); the grant is PutObject on that prefix only.',
    );
    return role;
  }
}
