import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';
import { acknowledge } from './nag-suppressions.ts';

/** Every queue `lastStopQueue` made, so the alarms find each one without a list kept by hand. */
const lastStops = new WeakSet<Queue>();

/**
 * An encrypted, SSL-only queue where failed deliveries wait for a person (14 days, SQS's maximum).
 * It is the end of the line, so it has no dead-letter queue of its own; `reason` says whose it is.
 */
export const lastStopQueue = (scope: Construct, id: string, reason: string, queueName?: string): Queue => {
  const queue = new Queue(scope, id, {
    ...(queueName === undefined ? {} : { queueName }),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(queue, 'SQS3', reason);
  lastStops.add(queue);
  return queue;
};

/** The last-stop queues under `scope` (a stack: all of them), in construct-tree order. */
export const lastStopQueuesUnder = (scope: IConstruct): Queue[] =>
  scope.node.findAll().filter((child): child is Queue => child instanceof Queue && lastStops.has(child));
