import { SCHEDULED_TIME_PLACEHOLDER } from '../../shared/contracts/jobs.ts';
import { type ScheduleTrigger, scheduleInput } from '../manifest.ts';
import type { DeadLetterSink } from './iot-rule-engine.ts';
import type { LocalFunction } from './local-function.ts';
import { nextFireTime, parseScheduleExpression } from './schedule-expression.ts';

export interface RunningScheduler {
  /** Fire times delivered so far, per job. */
  readonly fired: ReadonlyMap<string, string[]>;
  stop(): Promise<void>;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
/** Scheduler's retry policy, compressed for a laptop. */
const RETRY_DELAYS_MS = [500, 2_000];

/** Scheduler's time format: ISO-8601 without milliseconds. */
const schedulerTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Stands in for EventBridge Scheduler: the same expressions, evaluated in the same time zone, and the
 * same target input with the fire time filled in. A job that keeps failing goes to the dead letter.
 */
export const startScheduler = (options: {
  schedules: readonly { trigger: ScheduleTrigger; fn: LocalFunction }[];
  timeZone: string;
  deadLetter: DeadLetterSink;
  now?: () => Date;
  /** When rate() schedules count from; EventBridge uses the schedule's creation (or start) time. */
  anchor?: Date;
  log?: (line: string) => void;
}): RunningScheduler => {
  const now = options.now ?? (() => new Date());
  const anchor = options.anchor ?? now();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  const fired = new Map<string, string[]>();
  let stopped = false;

  const arm = (trigger: ScheduleTrigger, fn: LocalFunction) => {
    const expression = parseScheduleExpression(trigger.expression);
    const next = nextFireTime(expression, now(), { timeZone: options.timeZone, anchor });
    if (next === undefined || stopped) return;
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        if (next.getTime() - now().getTime() > 0) return arm(trigger, fn); // woke early: a long wait was capped
        const work = fire(trigger, fn, next).finally(() => running.delete(work));
        running.add(work);
        arm(trigger, fn);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - now().getTime())),
    );
    timers.add(timer);
  };

  const fire = async (trigger: ScheduleTrigger, fn: LocalFunction, at: Date): Promise<void> => {
    const time = schedulerTime(at);
    const input = JSON.parse(
      JSON.stringify(scheduleInput(trigger)).replaceAll(SCHEDULED_TIME_PLACEHOLDER, time),
    ) as unknown;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await fn.invoke(input);
        fired.set(trigger.job, [...(fired.get(trigger.job) ?? []), time]);
        options.log?.(`job ${trigger.job} ran for ${time}`);
        return;
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined || stopped) {
          options.log?.(`job ${trigger.job} failed for ${time}: ${String(error)}`);
          return options.deadLetter(`scheduler-failures/${trigger.job}/${time}.json`, {
            input,
            error: String(error),
          });
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };

  for (const { trigger, fn } of options.schedules) arm(trigger, fn);

  return {
    fired,
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
};
