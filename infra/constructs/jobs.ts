import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression, ScheduleTargetInput, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { type FunctionSpec, type ScheduleTrigger, scheduleInput } from '../manifest.ts';
import { stageName } from '../names.ts';
import { type DataResources, type DeploymentSettings, HouseFunction } from './house-function.ts';
import { lastStopQueue } from './last-stop-queue.ts';
import { acknowledgeWildcardResource, arnRef } from './nag-suppressions.ts';

export interface JobsProps {
  settings: DeploymentSettings;
  data: DataResources;
  /** The context's functions with a schedule trigger. */
  specs: readonly ScheduledFunction[];
}

/** Jobs are idempotent (docs/architecture.md, Principles), so a retried fire is harmless; after that it waits in the queue. */
export const SCHEDULE_RETRY_ATTEMPTS = 3;
/** A fire older than this is stale: the next one is due soon and covers the same work. */
export const SCHEDULE_MAX_EVENT_AGE = Duration.hours(1);

export type ScheduledFunction = FunctionSpec & { trigger: ScheduleTrigger };

/**
 * Scheduled jobs: one EventBridge Scheduler schedule per manifest entry, fired exactly on time in the
 * deployment's zone, with retries, a dead-letter queue and a role that can invoke only its function.
 */
export class Jobs extends Construct {
  public readonly functions: Readonly<Record<string, HouseFunction>>;
  /** Schedules keyed by job name. */
  public readonly schedules: Readonly<Record<string, Schedule>>;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    const { specs } = props;
    const functions: Record<string, HouseFunction> = {};
    const schedules: Record<string, Schedule> = {};
    for (const spec of specs) {
      const fn = new HouseFunction(this, spec.id, { spec, settings: props.settings, data: props.data });
      schedules[spec.trigger.job] = this.createSchedule(spec, fn, props.settings);
      functions[spec.id] = fn;
    }
    this.functions = functions;
    this.schedules = schedules;
  }

  private createSchedule(spec: ScheduledFunction, fn: HouseFunction, settings: DeploymentSettings): Schedule {
    const deadLetterQueue = lastStopQueue(
      this,
      `${spec.id}ScheduleDlq`,
      'This queue is the dead-letter queue of an EventBridge Scheduler target, not a work queue.',
    );
    const target = new LambdaInvoke(fn.fn, {
      role: this.createInvokerRole(spec, fn),
      input: ScheduleTargetInput.fromText(JSON.stringify(scheduleInput(spec.trigger))),
      retryAttempts: SCHEDULE_RETRY_ATTEMPTS,
      maxEventAge: SCHEDULE_MAX_EVENT_AGE,
      deadLetterQueue,
    });
    return new Schedule(this, `${spec.id}Schedule`, {
      scheduleName: stageName(settings.stage, spec.trigger.job),
      description: spec.trigger.description,
      schedule: ScheduleExpression.expression(spec.trigger.expression, TimeZone.of(settings.timeZone)),
      timeWindow: TimeWindow.off(),
      target,
    });
  }

  /** LambdaInvoke grants this role lambda:InvokeFunction on the function and SendMessage on its DLQ. */
  private createInvokerRole(spec: ScheduledFunction, fn: HouseFunction): Role {
    const role = new Role(this, `${spec.id}SchedulerRole`, {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: `Lets EventBridge Scheduler invoke ${spec.id}, nothing else`,
    });
    acknowledgeWildcardResource(
      role,
      `${arnRef(fn.fn)}:*`,
      `grantInvoke adds the qualified ARNs (versions, aliases) of ${spec.id} itself; no other function.`,
    );
    return role;
  }
}
