import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { type CaseFacts, replayCase } from './case-indicator-replay.ts';
import type { CaseRating, CaseRecord, CaseTimelineEntry } from './case-record.ts';

/**
 * Department indicators for the lead department of each case, computed by replaying timelines.
 *
 * Sources: the indicator names follow those published by Chinese digital urban-management (数字城管)
 * systems, e.g. the Fuzhou 智慧福州 quarterly bulletins (2022 Q2, 2024 Q1: 结案率, 按期结案率, 返工率,
 * 延期率), whose evaluation descends from CJ/T 292 《城市市政综合监管信息系统 绩效评价》 and the
 * GB/T 30428 series. The exact formulas of GB/T 30428 could NOT be verified (the text was not
 * available), so the definitions below are ours, written out so they can be checked against it:
 *
 * - dispatched (应结案数): cases dispatched to the department as lead and not returned by it to the
 *   dispatcher (a return with reason is how a wrong dispatch is corrected, so it does not count).
 * - closed (结案数): cases whose final state is `closed` and whose lead at closure was the department.
 *   A closure the reporter rated "unsatisfied" (→ reopened) is not a closure.
 * - on-time handling rate (按期结案率) = closed cases the department completed on time / closed. The
 *   department is judged on its own step, not on the supervisor's verification: its completion is
 *   the head's sign-off (headSignOff), on time when at or before the deadline in force at that
 *   instant (after approved extensions, suspensions, and a rework's own deadline). A case sent back
 *   for rework is on time only if every sign-off since its dispatch was on time: the first one does
 *   not speak for the rework, and a rework in time does not undo a late first completion.
 * - closure rate (结案率) = closed / dispatched.
 * - rework rate (返工率) = cases sent back for rework at least once while the department was lead /
 *   cases for which the department submitted a rectification.
 * - extension rate (延期率) = cases with at least one approved extension while the department was lead /
 *   dispatched.
 * - average handling time = mean, over dispatches to the department, of the working hours from the
 *   dispatch to the first rectification submitted after it.
 * - overdue open: cases the department holds now (dispatched, in progress, or rectified and awaiting
 *   its head's sign-off) that are past deadline.
 * - satisfaction: the reporter's latest rating of each closure by the department (a case closed,
 *   rated 不满意, reopened and closed again by the same department counts once, with its latest
 *   rating); rate = (满意 + 基本满意) / rated, as for suggestions (suggestion-statistics.ts).
 * A rate with a zero denominator is null, not 0: "no cases" is not "all late".
 */
export interface DepartmentIndicators {
  departmentId: string;
  dispatched: number;
  closed: number;
  closedOnTime: number;
  rectified: number;
  reworked: number;
  extended: number;
  overdueOpen: number;
  onTimeRate: number | null;
  closureRate: number | null;
  reworkRate: number | null;
  extensionRate: number | null;
  averageHandlingWorkingHours: number | null;
  satisfaction: {
    rated: number;
    satisfied: number;
    basicallySatisfied: number;
    unsatisfied: number;
    satisfactionRate: number | null;
  };
}

/** The figures whose cases can be listed: each is a set of case ids (drill-down from a figure). */
export const INDICATOR_FIGURES = [
  'dispatched',
  'closed',
  'closedOnTime',
  'closedLate',
  'rectified',
  'reworked',
  'extended',
  'overdueOpen',
  'handled',
  'rated',
  'unsatisfied',
] as const;
export type IndicatorFigure = (typeof INDICATOR_FIGURES)[number];
export type IndicatorCases = Record<IndicatorFigure, string[]>;

/** Per department: the case ids behind each figure, the handling times, the ratings. */
interface Tally {
  ids: Record<IndicatorFigure, Set<string>>;
  handlingHours: number[];
  ratings: CaseRating[];
}

export const computeDepartmentIndicators = (
  cases: readonly CaseRecord[],
  timelines: ReadonlyMap<string, readonly CaseTimelineEntry[]>,
  now: Date,
  calendar: WorkingCalendar,
): DepartmentIndicators[] =>
  [...tallyDepartments(cases, timelines, now, calendar).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, t]) => toIndicators(id, t));

/** The ids of the cases behind each figure of one department (the same replay as its indicators). */
export const departmentIndicatorCases = (
  departmentId: string,
  cases: readonly CaseRecord[],
  timelines: ReadonlyMap<string, readonly CaseTimelineEntry[]>,
  now: Date,
  calendar: WorkingCalendar,
): IndicatorCases => {
  const tally = tallyDepartments(cases, timelines, now, calendar).get(departmentId) ?? emptyTally();
  return Object.fromEntries(
    INDICATOR_FIGURES.map((figure) => [figure, [...tally.ids[figure]].sort()]),
  ) as IndicatorCases;
};

const tallyDepartments = (
  cases: readonly CaseRecord[],
  timelines: ReadonlyMap<string, readonly CaseTimelineEntry[]>,
  now: Date,
  calendar: WorkingCalendar,
): Map<string, Tally> => {
  const tallies = new Map<string, Tally>();
  for (const record of cases) {
    addFacts(tallies, record.id, replayCase(timelines.get(record.id) ?? [], now, calendar));
  }
  return tallies;
};

const emptyTally = (): Tally => ({
  ids: Object.fromEntries(INDICATOR_FIGURES.map((figure) => [figure, new Set<string>()])) as Tally['ids'],
  handlingHours: [],
  ratings: [],
});

const addFacts = (tallies: Map<string, Tally>, caseId: string, facts: CaseFacts): void => {
  const tally = (departmentId: string): Tally => {
    const found = tallies.get(departmentId) ?? emptyTally();
    tallies.set(departmentId, found);
    return found;
  };
  for (const id of facts.kept) tally(id).ids.dispatched.add(caseId);
  for (const id of facts.rectifiedBy) tally(id).ids.rectified.add(caseId);
  for (const id of facts.reworkedBy) tally(id).ids.reworked.add(caseId);
  for (const id of facts.extendedBy) tally(id).ids.extended.add(caseId);
  for (const sample of facts.handling) {
    tally(sample.departmentId).handlingHours.push(sample.hours);
    tally(sample.departmentId).ids.handled.add(caseId);
  }
  if (facts.closure) {
    const closer = tally(facts.closure.departmentId);
    closer.ids.closed.add(caseId);
    closer.ids[facts.closure.onTime ? 'closedOnTime' : 'closedLate'].add(caseId);
  }
  if (facts.overdueHolder) tally(facts.overdueHolder).ids.overdueOpen.add(caseId);
  for (const [departmentId, rating] of facts.ratings) {
    const rater = tally(departmentId);
    rater.ratings.push(rating);
    rater.ids.rated.add(caseId);
    if (rating === 'unsatisfied') rater.ids.unsatisfied.add(caseId);
  }
};

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/** A department no case reached: every count 0, every rate undefined (null). */
export const emptyDepartmentIndicators = (departmentId: string): DepartmentIndicators =>
  toIndicators(departmentId, emptyTally());

const toIndicators = (departmentId: string, t: Tally): DepartmentIndicators => {
  const n = (figure: IndicatorFigure) => t.ids[figure].size;
  const count = (rating: CaseRating) => t.ratings.filter((r) => r === rating).length;
  const [satisfied, basicallySatisfied] = [count('satisfied'), count('basicallySatisfied')];
  return {
    departmentId,
    dispatched: n('dispatched'),
    closed: n('closed'),
    closedOnTime: n('closedOnTime'),
    rectified: n('rectified'),
    reworked: n('reworked'),
    extended: n('extended'),
    overdueOpen: n('overdueOpen'),
    onTimeRate: ratio(n('closedOnTime'), n('closed')),
    closureRate: ratio(n('closed'), n('dispatched')),
    reworkRate: ratio(n('reworked'), n('rectified')),
    extensionRate: ratio(n('extended'), n('dispatched')),
    averageHandlingWorkingHours: mean(t.handlingHours),
    satisfaction: {
      rated: t.ratings.length,
      satisfied,
      basicallySatisfied,
      unsatisfied: count('unsatisfied'),
      satisfactionRate: ratio(satisfied + basicallySatisfied, t.ratings.length),
    },
  };
};
