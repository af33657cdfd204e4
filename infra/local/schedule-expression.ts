/**
 * Amazon EventBridge Scheduler schedule expressions — rate(), cron() and at() — parsed and evaluated
 * locally. The local scheduler uses nextFireTime to stand in for EventBridge Scheduler; CDK tests use
 * parseScheduleExpression to check that the stack declares schedules AWS would accept.
 * Semantics: "Schedule types in EventBridge Scheduler" and "Cron expressions reference" (AWS docs);
 * daylight saving: AWS re:Post "How can I adjust my Amazon EventBridge schedule for daylight saving?".
 */
import type { Cron } from 'croner';
import { findNextWallTime, parseEventBridgeCron } from './eventbridge-cron.ts';
import { ScheduleExpressionError } from './schedule-expression-error.ts';
import {
  assertTimeZone,
  instantsOfWallTime,
  resolveWallTime,
  toWallTime,
  type WallTime,
} from './wall-clock.ts';

export { ScheduleExpressionError } from './schedule-expression-error.ts';
export type { WallTime } from './wall-clock.ts';

export type RateUnit = 'minute' | 'hour' | 'day';

export type ScheduleExpression =
  | { kind: 'rate'; value: number; unit: RateUnit; everyMs: number; source: string }
  /** Evaluated by croner (eventbridge-cron.ts says why it, with which rules added). */
  | { kind: 'cron'; source: string; cron: Cron }
  | { kind: 'at'; source: string; wallTime: WallTime };

export interface FireTimeOptions {
  /** IANA zone in which cron() and at() are read (ScheduleExpressionTimezone); default 'UTC'. */
  timeZone?: string;
  /** When a rate() schedule started; it fires at anchor, anchor + everyMs, … Default: the Unix epoch. */
  anchor?: Date;
}

const UNIT_MS: Record<RateUnit, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

function fail(message: string): never {
  throw new ScheduleExpressionError(message);
}

function parseRate(source: string, body: string): ScheduleExpression {
  const [valueText, unitText, ...rest] = body.trim().split(/\s+/);
  if (valueText === undefined || unitText === undefined || rest.length > 0) {
    fail(`${source}: rate() needs 'value unit', e.g. rate(5 minutes)`);
  }
  const value = Number(valueText);
  if (!/^\d+$/.test(valueText) || !Number.isSafeInteger(value) || value < 1) {
    fail(`${source}: rate value '${valueText}' is not a positive integer`);
  }
  const unit = unitText.replace(/s$/, '');
  if (unit !== 'minute' && unit !== 'hour' && unit !== 'day') {
    fail(`${source}: unknown rate unit '${unitText}' (use minute(s), hour(s) or day(s))`);
  }
  // AWS takes the singular for a value of 1 only, and the plural otherwise.
  const expected = value === 1 ? unit : `${unit}s`;
  if (unitText !== expected) fail(`${source}: rate unit '${unitText}' must be '${expected}' for ${value}`);
  return { kind: 'rate', value, unit, everyMs: value * UNIT_MS[unit], source };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseAt(source: string, body: string): ScheduleExpression {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
  if (!match) fail(`${source}: at() needs a local date-time yyyy-mm-ddThh:mm:ss`);
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1).map(Number);
  const wallTime: WallTime = { year, month, day, hour, minute, second };
  if (month < 1 || month > 12) fail(`${source}: month '${match[2]}' is out of range 01-12`);
  if (day < 1 || day > daysInMonth(year, month))
    fail(`${source}: day '${match[3]}' does not exist in that month`);
  if (hour > 23 || minute > 59 || second > 59)
    fail(`${source}: time '${body.slice(11)}' is not a valid time`);
  return { kind: 'at', source, wallTime };
}

/** Throws ScheduleExpressionError with a message naming the bad part. */
export function parseScheduleExpression(expression: string): ScheduleExpression {
  const match = /^(rate|cron|at)\((.*)\)$/.exec(expression);
  if (!match) fail(`'${expression}' is not rate(...), cron(...) or at(...)`);
  const [, kind, body = ''] = match;
  if (kind === 'rate') return parseRate(expression, body);
  if (kind === 'at') return parseAt(expression, body);
  try {
    return { kind: 'cron', source: expression, cron: parseEventBridgeCron(body) };
  } catch (error) {
    if (error instanceof ScheduleExpressionError) fail(`${expression}: ${error.message}`);
    throw error;
  }
}

/**
 * rate() fires at a fixed interval of elapsed time from the anchor: AWS evaluates rate(1 day) as
 * 24 hours after the last run even when daylight saving makes the local day 23 or 25 hours long.
 */
function nextRateFire(everyMs: number, after: Date, anchor: Date): Date {
  const elapsed = after.getTime() - anchor.getTime();
  if (elapsed < 0) return anchor;
  return new Date(anchor.getTime() + (Math.floor(elapsed / everyMs) + 1) * everyMs);
}

/**
 * Reading wall time as the earliest instant that shows it keeps instants in wall-time order, so the
 * search may start at `after`'s own wall time. A wall time in a spring-forward gap has no instant
 * and is skipped; one in a fall-back overlap fires at its first occurrence only (AWS behaviour).
 */
function nextCronFire(cron: Cron, after: Date, timeZone: string): Date | undefined {
  let fire: Date | undefined;
  const accept = (candidate: WallTime): boolean => {
    fire = instantsOfWallTime(candidate, timeZone)[0];
    return fire !== undefined && fire.getTime() > after.getTime();
  };
  return findNextWallTime(cron, toWallTime(after, timeZone), accept) ? fire : undefined;
}

/**
 * The first fire time strictly after `after`. cron() and at() are read as wall-clock time in the IANA
 * `timeZone` (default 'UTC'); rate() fires every `everyMs` counted from `anchor`.
 * Returns undefined when it will never fire again (a past at(), a cron whose years are over).
 */
export function nextFireTime(
  expr: ScheduleExpression,
  after: Date,
  options: FireTimeOptions = {},
): Date | undefined {
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  switch (expr.kind) {
    case 'rate':
      return nextRateFire(expr.everyMs, after, options.anchor ?? new Date(0));
    case 'cron':
      return nextCronFire(expr.cron, after, timeZone);
    case 'at': {
      const fire = resolveWallTime(expr.wallTime, timeZone);
      return fire.getTime() > after.getTime() ? fire : undefined;
    }
  }
}
