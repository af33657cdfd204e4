import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DeploymentSettings, HouseFunction } from './house-function.ts';

export interface OpsAlarmsProps {
  settings: DeploymentSettings;
  /** The stage's alarm topic (alarm-topic.ts), in the stateful stack. */
  topic: ITopic;
  /** The ingest's functions and work queues, by manifest id (see `Ingest`). */
  ingest: {
    functions: Readonly<Record<string, HouseFunction>>;
    queues: Readonly<Record<string, Queue>>;
  };
  /** The scheduled jobs' functions, by manifest id (see `Jobs`). */
  jobs: { functions: Readonly<Record<string, HouseFunction>> };
  /** Every last-stop queue of the stack; those behind an ingest queue get the ingest's own wording. */
  lastStops: readonly Queue[];
}

/** A record older than this means the consumer is stuck or cannot keep up (the queue keeps 4 days). */
export const INGEST_MAX_AGE = Duration.minutes(15);
/** Each alarm looks at 5-minute windows: the most of a queue gauge, the sum of a count. */
const MAXIMUM = { statistic: 'Maximum', period: Duration.minutes(5) };
const SUM = { statistic: 'Sum', period: Duration.minutes(5) };
/** CloudWatch's limit on the metrics one alarm's math expression may use. */
const METRICS_PER_ALARM = 10;

/**
 * Tells a person when telemetry or jobs pile up or fail, through the stage's alarm topic: an alarm on
 * every last-stop queue, the ingest queues' age and the ingest functions' errors, and one on the errors
 * of all jobs together. One per stack that has such resources (each context stack).
 */
export class OpsAlarms extends Construct {
  public readonly topic: ITopic;
  public readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OpsAlarmsProps) {
    super(scope, id);
    this.topic = props.topic;
    this.action = new SnsAction(this.topic);
    const ingestDeadLetters = new Set<IQueue>();
    for (const [fnId, queue] of Object.entries(props.ingest.queues)) {
      const deadLetters = queue.deadLetterQueue?.queue;
      if (deadLetters !== undefined) ingestDeadLetters.add(deadLetters);
      this.alarmOnIngest(fnId, queue, props.ingest.functions[fnId]);
    }
    for (const queue of props.lastStops.filter((candidate) => !ingestDeadLetters.has(candidate))) {
      this.alarmOnLastStop(queue);
    }
    this.alarmOnJobErrors(Object.entries(props.jobs.functions));
  }

  private alarmOnIngest(fnId: string, queue: Queue, fn: HouseFunction | undefined): void {
    const deadLetters = queue.deadLetterQueue;
    if (deadLetters !== undefined) {
      this.addAlarm(
        `${fnId}DeadLetters`,
        deadLetters.queue.metricApproximateNumberOfMessagesVisible(MAXIMUM),
        {
          threshold: 1,
          description:
            `Telemetry records that ${fnId} failed ${deadLetters.maxReceiveCount} times wait in its dead-letter queue. ` +
            `Find the cause in the ${fnId} logs and fix it, then move them back with aws sqs start-message-move-task ` +
            `--source-arn ${deadLetters.queue.queueArn} (exactly-once: nothing is counted twice). Clears when the queue is empty.`,
        },
      );
    }
    this.addAlarm(`${fnId}QueueAge`, queue.metricApproximateAgeOfOldestMessage(MAXIMUM), {
      threshold: INGEST_MAX_AGE.toSeconds(),
      description:
        `The oldest record in the ${fnId} work queue is over ${INGEST_MAX_AGE.toMinutes()} minutes old: the consumer is ` +
        `stuck or too slow. Check ${fnId}'s errors, throttles and concurrency and the event source mapping; records ` +
        'are kept 4 days, then lost.',
    });
    if (fn !== undefined) {
      this.addAlarm(`${fnId}Errors`, fn.fn.metricErrors(SUM), {
        threshold: 1,
        evaluationPeriods: 2,
        description:
          `${fnId} failed whole batches in two 5-minute periods running (a record-level failure is retried, not ` +
          `an error). Read its logs; the records are retried and move to the dead-letter queue if it persists.`,
      });
    }
  }

  private alarmOnLastStop(queue: Queue): void {
    const where = queue.node.path.slice(Stack.of(queue).node.path.length + 1);
    this.addAlarm(where.replaceAll('/', ''), queue.metricApproximateNumberOfMessagesVisible(MAXIMUM), {
      threshold: 1,
      description:
        `A delivery that failed every retry waits in the last-stop queue ${where} (${queue.queueName}); for a ` +
        'schedule, a fire Scheduler could not hand to its job. Read it with aws sqs receive-message ' +
        '--attribute-names All --message-attribute-names All to see what failed and why, fix the cause, redo the ' +
        'work by hand if it still matters, then delete the message. Clears when the queue is empty.',
    });
  }

  /**
   * A job's own failure never reaches its schedule's dead-letter queue (Scheduler invokes asynchronously
   * and only hands over fires it could not deliver), so the jobs' errors are summed: one alarm, not one
   * per function.
   */
  private alarmOnJobErrors(jobs: [string, HouseFunction][]): void {
    for (let start = 0; start < jobs.length; start += METRICS_PER_ALARM) {
      const group = jobs.slice(start, start + METRICS_PER_ALARM);
      const usingMetrics = Object.fromEntries(group.map(([, job], i) => [`e${i}`, job.fn.metricErrors(SUM)]));
      const errors = new MathExpression({
        expression: `SUM([${Object.keys(usingMetrics).join(',')}])`,
        usingMetrics,
        label: 'Errors of the scheduled jobs',
        period: SUM.period,
      });
      this.addAlarm(`JobErrors${start === 0 ? '' : start / METRICS_PER_ALARM}`, errors, {
        threshold: 1,
        description:
          `A scheduled job failed in the last 5 minutes: one of ${group.map(([id]) => id).join(', ')}. Lambda ` +
          "retries a failed fire twice, so a later attempt may have succeeded. Find which in the functions' Errors " +
          'metric and logs; jobs are idempotent, so after a fix run it again.',
      });
    }
  }

  private addAlarm(
    id: string,
    metric: IMetric,
    options: { threshold: number; description: string; evaluationPeriods?: number },
  ): void {
    const evaluationPeriods = options.evaluationPeriods ?? 1;
    const alarm = new Alarm(this, `${id}Alarm`, {
      metric,
      threshold: options.threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods,
      datapointsToAlarm: evaluationPeriods,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
  }
}
