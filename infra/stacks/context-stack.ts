import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { importAlarmTopic } from '../constructs/alarm-topic.ts';
import { importData } from '../constructs/data.ts';
import { grantDeviceProvisioning } from '../constructs/devices.ts';
import type { HouseFunction } from '../constructs/house-function.ts';
import { Ingest, type IotRuleFunction } from '../constructs/ingest.ts';
import { Jobs, type ScheduledFunction } from '../constructs/jobs.ts';
import { lastStopQueuesUnder } from '../constructs/last-stop-queue.ts';
import { grantNotificationDelivery } from '../constructs/notification-delivery.ts';
import { OpsAlarms } from '../constructs/ops-alarms.ts';
import { Routes } from '../constructs/routes.ts';
import { grantUserAdministration } from '../constructs/user-administration.ts';
import type { FunctionSpec, HttpTrigger } from '../manifest.ts';
import type { DeploymentSettings } from '../settings.ts';

export interface ContextStackProps extends StackProps {
  settings: DeploymentSettings;
  /** The bounded context's manifest entries (infra/manifest.ts CONTEXTS). */
  specs: readonly FunctionSpec[];
}

type HttpFunction = FunctionSpec & { trigger: HttpTrigger };

/**
 * One bounded context's functions and their triggers: routes on the stage's HTTP API, IoT rules with
 * their queues, schedules; its alarms. It reaches the stateful stack's resources by their stage names and
 * the API through SSM, so contexts deploy, update and roll back independently of each other.
 */
export class ContextStack extends Stack {
  public readonly routes: Routes;
  public readonly ingest: Ingest;
  public readonly jobs: Jobs;
  public readonly opsAlarms: OpsAlarms;

  constructor(scope: Construct, id: string, props: ContextStackProps) {
    super(scope, id, props);
    const { settings, specs } = props;
    const data = importData(this, settings);
    const http = specs.filter((spec): spec is HttpFunction => spec.trigger.kind === 'http');
    const iot = specs.filter((spec): spec is IotRuleFunction => spec.trigger.kind === 'iotRule');
    const scheduled = specs.filter((spec): spec is ScheduledFunction => spec.trigger.kind === 'schedule');
    this.routes = new Routes(this, 'Routes', { settings, data, specs: http });
    this.ingest = new Ingest(this, 'Ingest', { settings, data, specs: iot });
    this.jobs = new Jobs(this, 'Jobs', { settings, data, specs: scheduled });
    for (const fn of Object.values(this.functions)) {
      if (fn.spec.iot !== undefined) grantDeviceProvisioning(fn, fn.spec.iot, settings);
      if (fn.spec.notify !== undefined) grantNotificationDelivery(fn, fn.spec.notify, settings);
      if (fn.spec.identity !== undefined) grantUserAdministration(fn, settings);
    }
    this.opsAlarms = new OpsAlarms(this, 'OpsAlarms', {
      settings,
      topic: importAlarmTopic(this, settings),
      ingest: this.ingest,
      jobs: this.jobs,
      lastStops: lastStopQueuesUnder(this),
    });
    this.outputDeadLetterQueues();
  }

  /** Every house function of this context, by manifest id. */
  public get functions(): Record<string, HouseFunction> {
    return { ...this.routes.functions, ...this.ingest.functions, ...this.jobs.functions };
  }

  /**
   * Where telemetry that kept failing waits; after a fix it is moved back to its queue (the ingest is
   * exactly-once, so a redrive never counts a message twice).
   */
  private outputDeadLetterQueues(): void {
    for (const [id, queue] of Object.entries(this.ingest.queues)) {
      const deadLetters = queue.deadLetterQueue;
      if (deadLetters === undefined) continue;
      new CfnOutput(this, `${id.charAt(0).toUpperCase()}${id.slice(1)}DeadLetterQueueArn`, {
        value: deadLetters.queue.queueArn,
        description: `Records ${id} failed ${deadLetters.maxReceiveCount} times; redrive with aws sqs start-message-move-task --source-arn <this>`,
      });
    }
  }
}
