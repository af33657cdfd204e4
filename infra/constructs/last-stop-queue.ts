import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag-suppressions.ts';

/**
 * An encrypted, SSL-only queue where failed deliveries wait for a person (14 days, SQS's maximum).
 * It is the end of the line, so it has no dead-letter queue of its own; `reason` says whose it is.
 */
export const lastStopQueue = (scope: Construct, id: string, reason: string): Queue => {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(queue, 'SQS3', reason);
  return queue;
};
