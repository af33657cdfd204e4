import { randomUUID } from 'node:crypto';
import type { IotRuleTrigger } from '../manifest.ts';
import { type CompiledIotRule, compileIotSql } from './iot-sql/index.ts';
import type { LocalFunction } from './local-function.ts';
import { type JournalEntry, openRuleJournal } from './rule-journal.ts';

/** Where a message goes when the rule or its action fails: IoT's error action, or Lambda's DLQ. */
export type DeadLetterSink = (key: string, body: unknown) => Promise<void>;

export interface RuleEngineStats {
  matched: number;
  delivered: number;
  deadLettered: number;
  /** Invocations found unfinished in the journal at start and run again. */
  replayed: number;
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
   * Journals the rule invocations this message triggers; the broker acknowledges the publish only
   * after this resolves, so an acknowledged message survives a crash of the process.
   */
  accept(message: AcceptedPublish): Promise<void>;
  /** Resolves when every message received so far has been delivered or dead-lettered. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Lambda retries an asynchronous invocation twice; locally the pauses are short. */
const RETRY_DELAYS_MS = [200, 1_000];
/**
 * Like a function's reserved concurrency: a backlog (a replayed journal, a burst from the simulator)
 * queues here instead of opening thousands of DynamoDB requests at once.
 */
const MAX_CONCURRENT_INVOCATIONS = 32;
/** How long stop() waits for running invocations before leaving them to the journal. */
const STOP_GRACE_MS = 10_000;

type CompiledRule = { trigger: IotRuleTrigger; fn: LocalFunction; sql: CompiledIotRule };
type Context = { topic: string; clientId: string; timestamp: number };

/**
 * Stands in for IoT Core's rules engine: every manifest rule's SQL is evaluated against every message a
 * device publishes, and the result is handed to the rule's function as an asynchronous invocation.
 * Nothing is dropped: each invocation is journalled before the device's PUBACK (as Lambda's async
 * queue is durable), a message the SQL cannot evaluate goes to the error action, an invocation that
 * keeps failing goes to the dead letter, both in the dead-letter bucket. On start, the journal's
 * unfinished invocations are run again.
 */
export const startRuleEngine = async (options: {
  rules: readonly { trigger: IotRuleTrigger; fn: LocalFunction }[];
  deadLetter: DeadLetterSink;
  /** The append-only journal, in the stack's data folder. */
  journalFile: string;
  log?: (line: string) => void;
}): Promise<RunningRuleEngine> => {
  const compiled: CompiledRule[] = options.rules.map((rule) => ({
    ...rule,
    sql: compileIotSql(rule.trigger.sql),
  }));
  const byName = new Map(compiled.map((rule) => [rule.trigger.ruleName, rule]));
  const stats: RuleEngineStats = { matched: 0, delivered: 0, deadLettered: 0, replayed: 0 };
  const inFlight = new Set<Promise<void>>();
  const limit = concurrencyLimit(MAX_CONCURRENT_INVOCATIONS);
  const { journal, pending } = await openRuleJournal(options.journalFile);
  let stopped = false;

  const track = (entry: JournalEntry) => {
    const rule = byName.get(entry.ruleName);
    if (rule === undefined) {
      options.log?.(`rule journal: no rule ${entry.ruleName} any more; entry ${entry.id} kept`);
      return;
    }
    const work = limit(() => runRule(rule, entry)).finally(() => inFlight.delete(work));
    inFlight.add(work);
  };

  const runRule = async (rule: CompiledRule, entry: JournalEntry): Promise<void> => {
    const payload = Buffer.from(entry.payloadBase64, 'base64');
    const context: Context = { topic: entry.topic, clientId: entry.clientId, timestamp: entry.timestamp };
    try {
      await evaluateAndInvoke(rule, payload, context);
      journal.markDone(entry.id);
    } catch (error) {
      // Not even the dead letter could be written: leave the entry for the next start.
      options.log?.(`rule ${rule.trigger.ruleName}: ${String(error)}; kept in the journal`);
    }
  };

  const evaluateAndInvoke = async (rule: CompiledRule, payload: Buffer, context: Context) => {
    let output: Record<string, unknown>;
    try {
      const outcome = rule.sql.evaluate(payload, context);
      if (!outcome.matched) return;
      output = outcome.output;
    } catch (error) {
      return errorAction(rule.trigger, payload, context, 'RuleEvaluation', String(error));
    }
    stats.matched += 1;
    const failure = await invokeWithRetries(rule.fn, output);
    if (failure === undefined) {
      stats.delivered += 1;
      return;
    }
    options.log?.(`rule ${rule.trigger.ruleName}: ${rule.fn.spec.id} failed: ${failure}`);
    return errorAction(rule.trigger, payload, context, 'LambdaAction', failure);
  };

  /** The same document IoT Core's error action writes, so replay tools read one format. */
  const errorAction = async (
    trigger: IotRuleTrigger,
    payload: Buffer,
    context: Context,
    failedAction: string,
    errorMessage: string,
  ): Promise<void> => {
    await options.deadLetter(`iot-errors/${context.topic}/${context.timestamp}-${randomUUID()}.json`, {
      ruleName: trigger.ruleName,
      topic: context.topic,
      clientId: context.clientId,
      cloudwatchTraceId: randomUUID(),
      base64OriginalPayload: payload.toString('base64'),
      failures: [{ failedAction, failedResource: trigger.ruleName, errorMessage }],
    });
    stats.deadLettered += 1;
  };

  if (pending.length > 0) options.log?.(`rule journal: replaying ${pending.length} unfinished invocations`);
  stats.replayed = pending.length;
  for (const entry of pending) track(entry);

  const drain = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  return {
    stats,
    accept: async (message) => {
      // Refusing (not ignoring) after stop: the broker then leaves the message unacknowledged.
      if (stopped) throw new Error('rule engine stopped');
      if (message.topic.startsWith('$SYS/')) return;
      const payload = Buffer.isBuffer(message.payload) ? message.payload : Buffer.from(message.payload);
      const timestamp = Date.now();
      const entries = compiled
        .filter((rule) => rule.sql.matchesTopic(message.topic))
        .map((rule) => ({
          ruleName: rule.trigger.ruleName,
          topic: message.topic,
          clientId: message.clientId,
          timestamp,
          payloadBase64: payload.toString('base64'),
        }));
      if (entries.length === 0) return;
      for (const entry of await journal.append(entries)) track(entry);
    },
    idle: drain,
    stop: async () => {
      stopped = true;
      // What is still running after the grace period stays in the journal for the next start.
      await Promise.race([drain(), new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
      await journal.close();
    },
  };
};

/** undefined on success, else the last error's message. */
const invokeWithRetries = async (fn: LocalFunction, event: unknown): Promise<string | undefined> => {
  let lastError = '';
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt += 1) {
    try {
      await fn.invoke(event);
      return undefined;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return lastError;
};

/** Runs at most `max` tasks at once; a finished task hands its slot straight to the next in line. */
const concurrencyLimit = (max: number) => {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next === undefined) active -= 1;
      else next();
    }
  };
};
