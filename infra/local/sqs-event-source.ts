import { createHash, randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { IotRuleQueue } from '../manifest.ts';

/**
 * The local stand-in for an SQS queue and the Lambda event source mapping that drains it: at most
 * `maxConcurrency` invocations at a time, each with up to `batchSize` records; the records a partial
 * batch response lists (or the whole batch, when the invocation fails) become visible again after a
 * pause, and a record that fails its `maxReceiveCount`-th receive moves to the dead-letter queue.
 *
 * Batching differs from the cloud on purpose: the cloud poller waits up to `maxBatchingWindowSeconds`
 * to fill a batch; here a free slot takes whatever is waiting at once ("natural batching"). Under load
 * records pile up while every slot is busy, so batches grow by themselves up to `batchSize`; at low
 * load a message is handled at once instead of a window later.
 */
export interface QueueMessage<T> {
  /** The SQS message id (the rule engine uses its journal entry's id). */
  id: string;
  body: string;
  sentTimestamp: number;
  /** Handed back when the message leaves the queue. */
  origin: T;
}

export interface SqsEventSourceOptions<T> {
  queueName: string;
  settings: IotRuleQueue;
  invoke: (event: SQSEvent) => Promise<unknown>;
  /** The function handled the message; it leaves the queue. */
  delivered: (message: QueueMessage<T>) => void;
  /** The message failed its last receive: the redrive policy moves it to the dead-letter queue. */
  deadLetter: (message: QueueMessage<T>, receiveCount: number, errorMessage: string) => Promise<void>;
  /** Called as each batch is handed to the function. */
  invoked?: (batchSize: number) => void;
  log?: (line: string) => void;
  /** Pause before the n-th redelivery (index n - 1; the last repeats): the visibility timeout. */
  retryDelaysMs?: readonly number[];
}

export interface SqsEventSource<T> {
  send(message: QueueMessage<T>): void;
  /** Messages sent and not yet delivered, dead-lettered or abandoned by halt(). */
  pending(): number;
  /** Resolves when pending() is 0. */
  idle(): Promise<void>;
  /** Starts no more invocations or redeliveries; running invocations still settle their records. */
  halt(): void;
}

/**
 * In the cloud a failed record reappears after the queue's visibility timeout (minutes); locally the
 * pauses are short and grow, so a poison message reaches the dead letter within seconds.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [200, 1_000, 2_000, 4_000];
/** The local stack's region and account, as in the Lambda context local-function.ts builds. */
const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
/** IoT Core sends as the rule's role; this stands for its role id. */
const SENDER_ID = 'AROAQINGSHANLOCALIOT:iot-rule-action';

type Queued<T> = { message: QueueMessage<T>; md5: string; receiveCount: number; firstReceive?: number };
type Outcome = { failed: ReadonlySet<string>; reason: string };

export const startSqsEventSource = <T>(options: SqsEventSourceOptions<T>): SqsEventSource<T> => {
  const { batchSize, maxConcurrency, maxReceiveCount } = options.settings;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const queueArn = `arn:aws:sqs:${REGION}:${ACCOUNT}:${options.queueName}`;
  const visible: Queued<T>[] = [];
  const invisible = new Map<NodeJS.Timeout, Queued<T>>();
  let running = 0;
  let pending = 0;
  let idleWaiters: (() => void)[] = [];
  let pumpScheduled = false;
  let halted = false;

  const settle = (count = 1) => {
    pending -= count;
    if (pending > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  // Deferred to the next turn of the event loop, so the messages of one journal commit share a batch.
  const schedulePump = () => {
    if (pumpScheduled || halted) return;
    pumpScheduled = true;
    setImmediate(pump);
  };

  const pump = () => {
    pumpScheduled = false;
    while (!halted && running < maxConcurrency && visible.length > 0) {
      running += 1;
      void receive(visible.splice(0, batchSize)).finally(() => {
        running -= 1;
        schedulePump();
      });
    }
  };

  const receive = async (batch: Queued<T>[]) => {
    const now = Date.now();
    const records = batch.map((queued) => {
      queued.receiveCount += 1;
      queued.firstReceive ??= now;
      return toRecord(queued, queueArn);
    });
    options.invoked?.(batch.length);
    const outcome = await invokeBatch(options.invoke, { Records: records });
    if (outcome.failed.size > 0) {
      options.log?.(
        `${options.queueName}: ${outcome.failed.size} of ${batch.length} failed: ${outcome.reason}`,
      );
    }
    for (const queued of batch) {
      if (!outcome.failed.has(queued.message.id)) {
        options.delivered(queued.message);
        settle();
      } else if (queued.receiveCount >= maxReceiveCount) void moveToDeadLetter(queued, outcome.reason);
      else redeliverLater(queued);
    }
  };

  const redeliverLater = (queued: Queued<T>) => {
    if (halted) return settle();
    const delay = delays[Math.min(queued.receiveCount, delays.length) - 1] ?? 0;
    const timer = setTimeout(() => {
      invisible.delete(timer);
      visible.push(queued);
      schedulePump();
    }, delay);
    invisible.set(timer, queued);
  };

  const moveToDeadLetter = async (queued: Queued<T>, reason: string) => {
    try {
      await options.deadLetter(queued.message, queued.receiveCount, reason);
    } catch (error) {
      options.log?.(`${options.queueName}: dead letter of ${queued.message.id} failed: ${String(error)}`);
    } finally {
      settle();
    }
  };

  return {
    send: (message) => {
      if (halted) return;
      pending += 1;
      visible.push({ message, md5: createHash('md5').update(message.body).digest('hex'), receiveCount: 0 });
      schedulePump();
    },
    pending: () => pending,
    idle: () =>
      pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
    halt: () => {
      halted = true;
      for (const timer of invisible.keys()) clearTimeout(timer);
      const abandoned = visible.length + invisible.size;
      visible.length = 0;
      invisible.clear();
      if (abandoned > 0) settle(abandoned);
    },
  };
};

const toRecord = <T>(queued: Queued<T>, queueArn: string): SQSRecord => ({
  messageId: queued.message.id,
  receiptHandle: Buffer.from(`${queued.message.id}#${randomUUID()}`).toString('base64'),
  body: queued.message.body,
  attributes: {
    ApproximateReceiveCount: String(queued.receiveCount),
    SentTimestamp: String(queued.message.sentTimestamp),
    SenderId: SENDER_ID,
    ApproximateFirstReceiveTimestamp: String(queued.firstReceive),
  },
  messageAttributes: {},
  md5OfBody: queued.md5,
  eventSource: 'aws:sqs',
  eventSourceARN: queueArn,
  awsRegion: REGION,
});

/** Which records failed: the ones the response lists, or all of them if Lambda counts the batch failed. */
const invokeBatch = async (
  invoke: (event: SQSEvent) => Promise<unknown>,
  event: SQSEvent,
): Promise<Outcome> => {
  const ids = new Set(event.Records.map((record) => record.messageId));
  let response: unknown;
  try {
    response = await invoke(event);
  } catch (error) {
    return { failed: ids, reason: error instanceof Error ? error.message : String(error) };
  }
  const listed = batchItemFailures(response);
  if (listed === undefined || listed.some((id) => !ids.has(id))) {
    return { failed: ids, reason: `invalid batch response ${JSON.stringify(response)?.slice(0, 200)}` };
  }
  return { failed: new Set(listed), reason: 'listed in batchItemFailures' };
};

/**
 * Lambda's reading of a partial batch response: nothing, or no list, means every record succeeded;
 * undefined marks a response it treats as a failure of the whole batch (a missing or empty
 * itemIdentifier, or not an object at all).
 */
const batchItemFailures = (response: unknown): string[] | undefined => {
  if (response === undefined || response === null) return [];
  if (typeof response !== 'object') return undefined;
  const list = (response as Partial<SQSBatchResponse>).batchItemFailures ?? [];
  if (!Array.isArray(list)) return undefined;
  const ids = list.map((item: unknown) =>
    typeof item === 'object' && item !== null
      ? (item as { itemIdentifier?: unknown }).itemIdentifier
      : undefined,
  );
  return ids.every((id): id is string => typeof id === 'string' && id !== '') ? ids : undefined;
};
