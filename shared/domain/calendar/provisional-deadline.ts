import { addDays, localDateOf, localTimeToInstant } from './local-date.ts';
import { formatLocalDate } from './local-time-text.ts';
import type { WorkingCalendar } from './working-calendar.ts';
import { addWorkingTime, type WorkingTimeUnit, workingTimeBetween } from './working-time.ts';

/**
 * Deadlines that count days the working calendar does not cover yet. Past `coveredThrough` only
 * weekends are days off (working-calendar.ts), so such a deadline may be too early: it is marked
 * provisional, and recomputed when the year is loaded.
 *
 * The mark keeps one instant, `since`: from there on, every counted day was counted Monday–Friday.
 * Up to `since` the count used real data, which a later load does not change; so the recomputed
 * deadline is `since` + the working time the old deadline counted after `since` (Monday–Friday),
 * counted again with the loaded calendar. That needs neither the start nor the rule that made the
 * deadline (SLA, extension, resumption), so it works for every deadline the workflows store.
 */

export interface ProvisionalMark {
  /** UTC ISO instant from which days were counted Monday–Friday only. */
  since: string;
}

export interface ComputedDeadline {
  deadline: Date;
  /** Absent when every counted day was covered by the calendar. */
  provisional?: ProvisionalMark;
}

export interface DeadlineOptions {
  /** Count the start's own date (default false, Civil Code art. 201; see working-time.ts). */
  countStartDay?: boolean;
  /** The start is itself a provisional deadline with this mark (an extension, a resumption). */
  from?: ProvisionalMark | undefined;
}

/** The first instant the calendar does not cover: local midnight after `coveredThrough`. */
const uncoveredFrom = (calendar: WorkingCalendar): number =>
  calendar.coveredThrough === undefined
    ? Number.NEGATIVE_INFINITY
    : localTimeToInstant(addDays(calendar.coveredThrough, 1), 0, calendar.timeZone).getTime();

/** The first instant the calendar does not cover, as an ISO string; undefined when nothing is loaded. */
export const firstUncoveredInstant = (calendar: WorkingCalendar): string | undefined =>
  calendar.coveredThrough === undefined ? undefined : new Date(uncoveredFrom(calendar)).toISOString();

const countsUncoveredDays = (deadline: Date, calendar: WorkingCalendar): boolean =>
  calendar.coveredThrough === undefined || localDateOf(deadline, calendar.timeZone) > calendar.coveredThrough;

/**
 * Where Monday–Friday counting began. When the start itself is uncovered, whole working days are
 * counted from the next local day (the start day does not count), working hours from the start.
 */
const sinceOf = (start: Date, unit: WorkingTimeUnit, countStartDay: boolean, calendar: WorkingCalendar) => {
  const edge = uncoveredFrom(calendar);
  if (start.getTime() < edge) return new Date(edge);
  if (unit === 'workingHours') return start;
  const day = localDateOf(start, calendar.timeZone);
  return localTimeToInstant(countStartDay ? day : addDays(day, 1), 0, calendar.timeZone);
};

/** `addWorkingTime`, also saying whether (and from when) days past the calendar were counted. */
export const computeDeadline = (
  start: Date,
  amount: number,
  unit: WorkingTimeUnit,
  calendar: WorkingCalendar,
  options: DeadlineOptions = {},
): ComputedDeadline => {
  // A provisional start is first brought up to date, so the extension counts from the right base.
  const base = options.from ? recomputeDeadline(start, options.from, calendar) : { deadline: start };
  const countStartDay = options.countStartDay ?? false;
  const deadline = addWorkingTime(base.deadline, amount, unit, calendar, { countStartDay });
  if (base.provisional) return { deadline, provisional: base.provisional };
  if (amount === 0 || !countsUncoveredDays(deadline, calendar)) return { deadline };
  return {
    deadline,
    provisional: { since: sinceOf(base.deadline, unit, countStartDay, calendar).toISOString() },
  };
};

/** The same calendar with no holidays or make-up days: how uncovered days were counted. */
const mondayToFriday = (calendar: WorkingCalendar): WorkingCalendar => ({
  ...calendar,
  holidays: new Set(),
  makeUpWorkdays: new Set(),
});

/** A provisional deadline counted again with `calendar`; still provisional if it still runs past it. */
export const recomputeDeadline = (
  deadline: Date,
  mark: ProvisionalMark,
  calendar: WorkingCalendar,
): ComputedDeadline => {
  const since = new Date(mark.since);
  const hours = workingTimeBetween(since, deadline, mondayToFriday(calendar));
  if (hours <= 0) return { deadline };
  const recomputed = addWorkingTime(since, hours, 'workingHours', calendar);
  if (!countsUncoveredDays(recomputed, calendar)) return { deadline: recomputed };
  const edge = Math.max(since.getTime(), uncoveredFrom(calendar));
  return { deadline: recomputed, provisional: { since: new Date(edge).toISOString() } };
};

/**
 * The record fields for a computed deadline: `provisional: true` and its `provisionalSince`, or both
 * explicitly cleared (a field set to undefined is removed from the record).
 */
export const provisionalFields = (
  computed: ComputedDeadline,
): { provisional: true | undefined; provisionalSince: string | undefined } => ({
  provisional: computed.provisional ? true : undefined,
  provisionalSince: computed.provisional?.since,
});

/** The mark a stored record carries, if its deadline is provisional. */
export const provisionalMarkOf = (record: {
  provisional?: boolean;
  provisionalSince?: string;
}): ProvisionalMark | undefined =>
  record.provisional === true && record.provisionalSince !== undefined
    ? { since: record.provisionalSince }
    : undefined;

/** What a person reads beside a provisional deadline (zh-CN first). */
export const provisionalNote = (mark: ProvisionalMark, timeZone: string): string => {
  const from = formatLocalDate(localDateOf(new Date(mark.since), timeZone));
  return (
    `暂定期限：${from}起的日子尚未载入工作日历（国务院办公厅当年的节假日安排），暂按仅扣除周末计算；` +
    '载入该年度日历后将自动重算。' +
    ` (Provisional: days from ${localDateOf(new Date(mark.since), timeZone)} are not in the working calendar yet and` +
    ' were counted Monday to Friday; the deadline is recomputed when that year is loaded.)'
  );
};
