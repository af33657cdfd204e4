import { randomUUID } from 'node:crypto';
import type { Aedes } from 'aedes';
import type { IotRuleTrigger } from '../manifest.ts';
import { type CompiledIotRule, compileIotSql } from './iot-sql/index.ts';
import type { LocalFunction } from './local-function.ts';

/** Where a message goes when the rule or its action fails: IoT's error action, or Lambda's DLQ. */
export type DeadLetterSink = (key: string, body: unknown) => Promise<void>;

export interface RuleEngineStats {
  matched: number;
  delivered: number;
  deadLettered: number;
}

export interface RunningRuleEngine {
  stats: RuleEngineStats;
  /** Resolves when every message received so far has been delivered or dead-lettered. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Lambda retries an asynchronous invocation twice; locally the pauses are short. */
const RETRY_DELAYS_MS = [200, 1_000];

/**
 * Stands in for IoT Core's rules engine: every manifest rule's SQL is evaluated against every message a
 * device publishes, and the result is handed to the rule's function as an asynchronous invocation.
 * Nothing is dropped: a message the SQL cannot evaluate goes to the error action, an invocation that
 * keeps failing goes to the dead letter, both in the dead-letter bucket.
 */
export const startRuleEngine = (options: {
  aedes: Aedes;
  rules: readonly { trigger: IotRuleTrigger; fn: LocalFunction }[];
  deadLetter: DeadLetterSink;
  log?: (line: string) => void;
}): RunningRuleEngine => {
  const compiled = options.rules.map((rule) => ({ ...rule, sql: compileIotSql(rule.trigger.sql) }));
  const stats: RuleEngineStats = { matched: 0, delivered: 0, deadLettered: 0 };
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  options.aedes.on('publish', (packet, client) => {
    if (stopped || client === null || packet.topic.startsWith('$SYS/')) return;
    const context = { topic: packet.topic, clientId: client.id, timestamp: Date.now() };
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    for (const rule of compiled) {
      if (!rule.sql.matchesTopic(packet.topic)) continue;
      const work = runRule(rule, payload, context).finally(() => inFlight.delete(work));
      inFlight.add(work);
    }
  });

  const runRule = async (
    rule: { trigger: IotRuleTrigger; fn: LocalFunction; sql: CompiledIotRule },
    payload: Buffer,
    context: { topic: string; clientId: string; timestamp: number },
  ): Promise<void> => {
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
    context: { topic: string; clientId: string; timestamp: number },
    failedAction: string,
    errorMessage: string,
  ): Promise<void> => {
    stats.deadLettered += 1;
    await options.deadLetter(`iot-errors/${context.topic}/${context.timestamp}-${randomUUID()}.json`, {
      ruleName: trigger.ruleName,
      topic: context.topic,
      clientId: context.clientId,
      cloudwatchTraceId: randomUUID(),
      base64OriginalPayload: payload.toString('base64'),
      failures: [{ failedAction, failedResource: trigger.ruleName, errorMessage }],
    });
  };

  return {
    stats,
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    stop: async () => {
      stopped = true;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
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
