import { randomUUID } from 'node:crypto';
import { type IotRuleTrigger, iotRuleName } from '../manifest.ts';
import { LOCAL_STAGE } from './environment.ts';
import { type CompiledIotRule, compileIotSql, type IotRuleOutcome } from './iot-sql/index.ts';
import type { LocalFunction } from './local-function.ts';
import { type JournalEntry, openRuleJournal } from './rule-journal.ts';
import { type QueueMessage, type SqsEventSource, startSqsEventSource } from './sqs-event-source.ts';

/** Where a message goes when the rule fails (IoT's error action) or its queue gives up (the DLQ). */
export type DeadLetterSink = (key: string, body: unknown) => Promise<void>;

export interface RuleEngineStats {
  matched: number;
  delivered: number;
  deadLettered: number;
  /** Messages found unfinished in the journal at start and queued again. */
  replayed: number;
  /** Function invocations (batches), redeliveries included. */
  invocations: number;
  /** Records in the largest batch so far. */
  largestBatch: number;
}

/** A message the broker is about to acknowledge. */
export interface AcceptedPublish {
  topic: string;
  clientId: string;
  payload: Buffer | string;
}

export interface RunningRuleEngine {
  stats: RuleEngineStats;
  /**
   * Journals the messages the rules will queue; the broker acknowledges the publish only after this
   * resolves, so an acknowledged message survives a crash of the process.
   */
  accept(message: AcceptedPublish): Promise<void>;
  /** Resolves when every message received so far has been delivered or dead-lettered. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** How long stop() waits for queued work before leaving it to the journal. */
const STOP_GRACE_MS = 10_000;

/** `name` is the rule's deployed name in the local stage (`qingshan_local_meter_telemetry`). */
type Rule = {
  trigger: IotRuleTrigger;
  name: string;
  sql: CompiledIotRule;
  queue: SqsEventSource<JournalEntry>;
};

/**
 * Stands in for IoT Core's rules engine: every manifest rule's SQL is evaluated against every message a
 * device publishes, and the result goes to the rule's SQS queue, which the rule's function consumes in
 * batches (sqs-event-source.ts). Nothing is dropped: each message is journalled before the device's
 * PUBACK (as the SQS queue is durable) and marked done once delivered or dead-lettered; a message the
 * SQL cannot evaluate goes to the error action, one the function keeps failing to the dead-letter
 * queue, both in the dead-letter bucket. On start, the journal's unfinished messages are queued again.
 */
export const startRuleEngine = async (options: {
  rules: readonly { trigger: IotRuleTrigger; fn: LocalFunction }[];
  deadLetter: DeadLetterSink;
  /** The append-only journal, in the stack's data folder. */
  journalFile: string;
  log?: (line: string) => void;
  /** Pauses before redeliveries (see sqs-event-source.ts); tests make them tiny. */
  retryDelaysMs?: readonly number[];
}): Promise<RunningRuleEngine> => {
  const stats: RuleEngineStats = {
    matched: 0,
    delivered: 0,
    deadLettered: 0,
    replayed: 0,
    invocations: 0,
    largestBatch: 0,
  };
  const { journal, pending } = await openRuleJournal(options.journalFile);
  /** Error actions being written. */
  const errorActions = new Set<Promise<void>>();
  let stopped = false;

  /** Writes a dead letter, then finishes the entry; if even that fails, the next start retries it. */
  const deadLetter = async (entry: JournalEntry, key: string, body: unknown): Promise<void> => {
    try {
      await options.deadLetter(key, body);
      stats.deadLettered += 1;
      journal.markDone(entry.id);
    } catch (error) {
      options.log?.(`rule ${entry.ruleName}: ${String(error)}; kept in the journal`);
    }
  };

  /** The same document IoT Core's error action writes, so replay tools read one format. */
  const errorAction = (entry: JournalEntry, errorMessage: string) =>
    deadLetter(entry, `iot-errors/${entry.topic}/${entry.timestamp}-${randomUUID()}.json`, {
      ruleName: entry.ruleName,
      topic: entry.topic,
      clientId: entry.clientId,
      cloudwatchTraceId: randomUUID(),
      base64OriginalPayload: entry.payloadBase64,
      failures: [{ failedAction: 'RuleEvaluation', failedResource: entry.ruleName, errorMessage }],
    });

  /** What the queue's redrive policy moves to the dead-letter queue, with the original payload. */
  const moveToDeadLetterQueue = (
    message: QueueMessage<JournalEntry>,
    receiveCount: number,
    errorMessage: string,
  ) => {
    const entry = message.origin;
    return deadLetter(entry, `ingest-dlq/${entry.ruleName}/${entry.timestamp}-${randomUUID()}.json`, {
      ruleName: entry.ruleName,
      topic: entry.topic,
      clientId: entry.clientId,
      receiveCount,
      errorMessage,
      body: message.body,
      base64OriginalPayload: entry.payloadBase64,
    });
  };

  const startRule = ({ trigger, fn }: { trigger: IotRuleTrigger; fn: LocalFunction }): Rule => ({
    trigger,
    name: iotRuleName(LOCAL_STAGE, trigger),
    sql: compileIotSql(trigger.sql(LOCAL_STAGE)),
    queue: startSqsEventSource<JournalEntry>({
      queueName: `qingshan-local-${trigger.ruleName}`,
      settings: trigger.queue,
      invoke: (event) => fn.invoke(event),
      delivered: (message) => {
        stats.delivered += 1;
        journal.markDone(message.id);
      },
      deadLetter: moveToDeadLetterQueue,
      invoked: (batchSize) => {
        stats.invocations += 1;
        stats.largestBatch = Math.max(stats.largestBatch, batchSize);
      },
      ...(options.log === undefined ? {} : { log: options.log }),
      ...(options.retryDelaysMs === undefined ? {} : { retryDelaysMs: options.retryDelaysMs }),
    }),
  });
  const rules = options.rules.map(startRule);
  const byName = new Map(rules.map((rule) => [rule.name, rule]));

  /** The rule action: evaluate the SQL and queue its output. */
  const route = (entry: JournalEntry) => {
    const rule = byName.get(entry.ruleName);
    if (rule === undefined) {
      options.log?.(`rule journal: no rule ${entry.ruleName} any more; entry ${entry.id} kept`);
      return;
    }
    const payload = Buffer.from(entry.payloadBase64, 'base64');
    let outcome: IotRuleOutcome;
    try {
      outcome = rule.sql.evaluate(payload, entry);
    } catch (error) {
      const writing = errorAction(entry, String(error)).finally(() => errorActions.delete(writing));
      errorActions.add(writing);
      return;
    }
    if (!outcome.matched) return journal.markDone(entry.id);
    stats.matched += 1;
    const body = JSON.stringify(outcome.output);
    rule.queue.send({ id: entry.id, body, sentTimestamp: entry.timestamp, origin: entry });
  };

  if (pending.length > 0) options.log?.(`rule journal: replaying ${pending.length} unfinished messages`);
  stats.replayed = pending.length;
  for (const entry of pending) route(entry);

  const drain = async () => {
    while (errorActions.size > 0 || rules.some((rule) => rule.queue.pending() > 0)) {
      await Promise.allSettled([...errorActions, ...rules.map((rule) => rule.queue.idle())]);
    }
  };

  return {
    stats,
    accept: async (message) => {
      // Refusing (not ignoring) after stop: the broker then leaves the message unacknowledged.
      if (stopped) throw new Error('rule engine stopped');
      if (message.topic.startsWith('$SYS/')) return;
      const payload = Buffer.isBuffer(message.payload) ? message.payload : Buffer.from(message.payload);
      const timestamp = Date.now();
      const entries = rules
        .filter((rule) => rule.sql.matchesTopic(message.topic))
        .map((rule) => ({
          ruleName: rule.name,
          topic: message.topic,
          clientId: message.clientId,
          timestamp,
          payloadBase64: payload.toString('base64'),
        }));
      if (entries.length === 0) return;
      for (const entry of await journal.append(entries)) route(entry);
    },
    idle: drain,
    stop: async () => {
      stopped = true;
      // What is still queued after the grace period stays in the journal for the next start.
      await Promise.race([drain(), new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
      for (const rule of rules) rule.queue.halt();
      await journal.close();
    },
  };
};
