import { CfnOutput, cx_api as cxapi, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from '../constructs/api.ts';
import { Data } from '../constructs/data.ts';
import { Devices } from '../constructs/devices.ts';
import type { DeploymentSettings } from '../constructs/house-function.ts';
import { Ingest } from '../constructs/ingest.ts';
import { Jobs } from '../constructs/jobs.ts';
import { lastStopQueuesUnder } from '../constructs/last-stop-queue.ts';
import { OpsAlarms } from '../constructs/ops-alarms.ts';
import { WebHosting } from '../constructs/web-hosting.ts';

export interface QingshanStackProps extends StackProps {
  settings: DeploymentSettings;
  corsOrigins?: string[];
}

/**
 * Composition only: data first, then the three ways in (IoT, HTTP, schedules), the alarms last so they
 * see every queue. Environment-agnostic — no lookups — so `cdk synth` works offline and without
 * credentials.
 */
export class QingshanStack extends Stack {
  public readonly data: Data;
  public readonly ingest: Ingest;
  public readonly api: Api;
  public readonly jobs: Jobs;
  public readonly devices: Devices;
  public readonly opsAlarms: OpsAlarms;
  public readonly web: WebHosting;

  constructor(scope: Construct, id: string, props: QingshanStackProps) {
    super(scope, id, props);
    // Every bucket has ACLs disabled, so access logs must be delivered through a bucket policy. Set here
    // as well as in cdk.json so the stack does not depend on who constructs it.
    this.node.setContext(cxapi.S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const { settings } = props;
    this.data = new Data(this, 'Data', { settings });
    this.ingest = new Ingest(this, 'Ingest', { settings, data: this.data });
    this.api = new Api(this, 'Api', {
      settings,
      data: this.data,
      ...(props.corsOrigins === undefined ? {} : { corsOrigins: props.corsOrigins }),
    });
    this.jobs = new Jobs(this, 'Jobs', { settings, data: this.data });
    this.devices = new Devices(this, 'Devices', {
      settings,
      functions: [this.ingest, this.api, this.jobs].flatMap((part) => Object.values(part.functions)),
    });
    this.opsAlarms = new OpsAlarms(this, 'OpsAlarms', {
      settings,
      ingest: this.ingest,
      jobs: this.jobs,
      lastStops: lastStopQueuesUnder(this),
    });

    this.web = new WebHosting(this, 'Web', {
      settings,
      apiUrl: this.api.url,
      userPool: this.api.userPool,
      userPoolClient: this.api.userPoolClient,
      accessLogBucket: this.data.accessLogBucket,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.api.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.api.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'Region', { value: this.region });
    new CfnOutput(this, 'OpsAlarmTopicArn', {
      value: this.opsAlarms.topic.topicArn,
      description:
        'Operational alarms (dead letters, stuck ingest); subscribe here or deploy with -c alarmEmail=...',
    });
    // Where telemetry that kept failing waits; after a fix it is moved back to its queue (the
    // ingest is exactly-once, so a redrive never counts a message twice).
    for (const [id, queue] of Object.entries(this.ingest.queues)) {
      const deadLetters = queue.deadLetterQueue?.queue;
      if (deadLetters === undefined) continue;
      new CfnOutput(this, `${id.charAt(0).toUpperCase()}${id.slice(1)}DeadLetterQueueArn`, {
        value: deadLetters.queueArn,
        description: `Records ${id} failed ${queue.deadLetterQueue?.maxReceiveCount} times; redrive with aws sqs start-message-move-task --source-arn <this>`,
      });
    }
  }
}
