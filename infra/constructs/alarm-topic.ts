import { ArnFormat, CfnOutput, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { alarmTopicName } from '../names.ts';
import type { DeploymentSettings } from '../settings.ts';
import { removalPolicyFor } from './house-function.ts';

const CLOUDWATCH = new ServicePrincipal('cloudwatch.amazonaws.com');

/**
 * The stage's one operational alarm topic, encrypted and SSL-only, mailed to `-c alarmEmail=…` when
 * given. It lives in the stateful stack with its key; every other stack's alarms find it by name.
 */
export class AlarmTopic extends Construct {
  public readonly topic: Topic;
  public readonly key: Key;

  constructor(scope: Construct, id: string, props: { settings: DeploymentSettings }) {
    super(scope, id);
    const { settings } = props;
    // CloudWatch cannot use the AWS-managed `alias/aws/sns` key (its policy cannot name CloudWatch), so
    // alarms would fail to publish: a customer key, rotated, that CloudWatch may use for this topic.
    this.key = new Key(this, 'TopicKey', {
      description: `Encrypts the Qingshan ${settings.stage} operational alarm topic`,
      enableKeyRotation: true,
      removalPolicy: removalPolicyFor(settings),
    });
    // CloudWatch calls KMS itself when it publishes; who may publish is limited by the topic policy below.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [CLOUDWATCH],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'Topic', {
      topicName: alarmTopicName(settings.stage),
      displayName: `Qingshan ${settings.stage} alarms`,
      masterKey: this.key,
      enforceSSL: true,
    });
    // The topic policy replaces SNS's default one, so the alarms of this account must be allowed by name.
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [CLOUDWATCH],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    if (settings.alarmEmail !== undefined) {
      this.topic.addSubscription(new EmailSubscription(settings.alarmEmail));
    }
    new CfnOutput(this, 'TopicArn', {
      key: 'OpsAlarmTopicArn',
      value: this.topic.topicArn,
      description:
        'Operational alarms (dead letters, stuck ingest, API errors, throttling); subscribe here or deploy with -c alarmEmail=...',
    });
  }
}

/** The stage's alarm topic as another stack of the same stage sees it: by name, in its own account. */
export const importAlarmTopic = (scope: Construct, settings: DeploymentSettings): ITopic =>
  Topic.fromTopicArn(
    scope,
    'AlarmTopic',
    Stack.of(scope).formatArn({
      service: 'sns',
      resource: alarmTopicName(settings.stage),
      arnFormat: ArnFormat.NO_RESOURCE_NAME,
    }),
  );
