import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { isOverdue, workingTimeBetween } from '../calendar/working-time.ts';
import { DEADLINE_RUNNING_STATES } from './case-listing.ts';
import type { CaseRecord, CaseTimelineEntry } from './case-record.ts';

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
}

interface Tally {
  dispatched: number;
  closed: number;
  closedOnTime: number;
  rectified: number;
  reworked: number;
  extended: number;
  overdueOpen: number;
  handlingHours: number[];
}

/** What one case's timeline says about its lead departments. */
interface CaseFacts {
  kept: Set<string>;
  rectifiedBy: Set<string>;
  reworkedBy: Set<string>;
  extendedBy: Set<string>;
  handling: { departmentId: string; hours: number }[];
  closure?: { departmentId: string; onTime: boolean };
  overdueHolder?: string;
}

const HELD_STATES: ReadonlySet<string> = new Set(DEADLINE_RUNNING_STATES);

export const computeDepartmentIndicators = (
  cases: readonly CaseRecord[],
  timelines: ReadonlyMap<string, readonly CaseTimelineEntry[]>,
  now: Date,
  calendar: WorkingCalendar,
): DepartmentIndicators[] => {
  const tallies = new Map<string, Tally>();
  for (const record of cases) {
    addFacts(tallies, replayCase(timelines.get(record.id) ?? [], now, calendar));
  }
  return [...tallies.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, t]) => toIndicators(id, t));
};

const emptyTally = (): Tally => ({
  dispatched: 0,
  closed: 0,
  closedOnTime: 0,
  rectified: 0,
  reworked: 0,
  extended: 0,
  overdueOpen: 0,
  handlingHours: [],
});

const addFacts = (tallies: Map<string, Tally>, facts: CaseFacts): void => {
  const tally = (departmentId: string): Tally => {
    const found = tallies.get(departmentId) ?? emptyTally();
    tallies.set(departmentId, found);
    return found;
  };
  for (const id of facts.kept) tally(id).dispatched++;
  for (const id of facts.rectifiedBy) tally(id).rectified++;
  for (const id of facts.reworkedBy) tally(id).reworked++;
  for (const id of facts.extendedBy) tally(id).extended++;
  for (const sample of facts.handling) tally(sample.departmentId).handlingHours.push(sample.hours);
  if (facts.closure) {
    const closer = tally(facts.closure.departmentId);
    closer.closed++;
    if (facts.closure.onTime) closer.closedOnTime++;
  }
  if (facts.overdueHolder) tally(facts.overdueHolder).overdueOpen++;
};

interface Replay {
  facts: CaseFacts;
  dispatches: { departmentId: string; returned: boolean }[];
  lead?: string;
  deadline?: string;
  dispatchedAt?: Date;
  /** On-time verdict of each department sign-off since the latest dispatch. */
  signOffs: boolean[];
  lastClosure?: CaseFacts['closure'];
}

type Step = (replay: Replay, entry: CaseTimelineEntry, lead: string, calendar: WorkingCalendar) => void;

/** What each action means for the indicators, given the lead department at that moment. */
const STEPS: Partial<Record<CaseTimelineEntry['action'], Step>> = {
  approveExtension: (replay, _entry, lead) => replay.facts.extendedBy.add(lead),
  sendBackForRework: (replay, _entry, lead) => replay.facts.reworkedBy.add(lead),
  submitRectification: (replay, entry, lead, calendar) => {
    replay.facts.rectifiedBy.add(lead);
    // Only the first rectification after a dispatch measures handling time; reworks do not restart it.
    if (replay.dispatchedAt) {
      const hours = workingTimeBetween(replay.dispatchedAt, new Date(entry.at), calendar);
      replay.facts.handling.push({ departmentId: lead, hours });
    }
    replay.dispatchedAt = undefined;
  },
  headSignOff: (replay, entry) => {
    replay.signOffs.push(!isOverdue(replay.deadline, new Date(entry.at)));
  },
  verify: (replay, _entry, lead) => {
    const onTime = replay.signOffs.length > 0 && replay.signOffs.every(Boolean);
    replay.lastClosure = { departmentId: lead, onTime };
  },
};

const replayEntry = (replay: Replay, entry: CaseTimelineEntry, calendar: WorkingCalendar): void => {
  const { details } = entry;
  if (typeof details.deadline === 'string') replay.deadline = details.deadline;
  if (entry.action === 'dispatch' && typeof details.leadDepartmentId === 'string') {
    replay.lead = details.leadDepartmentId;
    replay.dispatches.push({ departmentId: replay.lead, returned: false });
    replay.dispatchedAt = new Date(entry.at);
    replay.signOffs = [];
  } else if (entry.action === 'returnToDispatcher') {
    const last = replay.dispatches.at(-1);
    if (last) last.returned = true;
    replay.lead = undefined;
    replay.deadline = undefined;
    replay.dispatchedAt = undefined;
    replay.signOffs = [];
  } else if (replay.lead !== undefined) {
    STEPS[entry.action]?.(replay, entry, replay.lead, calendar);
  }
};

const replayCase = (
  entries: readonly CaseTimelineEntry[],
  now: Date,
  calendar: WorkingCalendar,
): CaseFacts => {
  const facts: CaseFacts = {
    kept: new Set(),
    rectifiedBy: new Set(),
    reworkedBy: new Set(),
    extendedBy: new Set(),
    handling: [],
  };
  const replay: Replay = { facts, dispatches: [], signOffs: [] };
  const ordered = [...entries].sort((a, b) => a.seq - b.seq);
  for (const entry of ordered) replayEntry(replay, entry, calendar);
  for (const dispatch of replay.dispatches) if (!dispatch.returned) facts.kept.add(dispatch.departmentId);
  const finalState = ordered.at(-1)?.to;
  if (finalState === 'closed') facts.closure = replay.lastClosure;
  const held = finalState !== undefined && HELD_STATES.has(finalState);
  if (replay.lead !== undefined && held && isOverdue(replay.deadline, now)) facts.overdueHolder = replay.lead;
  return facts;
};

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/** A department no case reached: every count 0, every rate undefined (null). */
export const emptyDepartmentIndicators = (departmentId: string): DepartmentIndicators =>
  toIndicators(departmentId, emptyTally());

const toIndicators = (departmentId: string, t: Tally): DepartmentIndicators => ({
  departmentId,
  dispatched: t.dispatched,
  closed: t.closed,
  closedOnTime: t.closedOnTime,
  rectified: t.rectified,
  reworked: t.reworked,
  extended: t.extended,
  overdueOpen: t.overdueOpen,
  onTimeRate: ratio(t.closedOnTime, t.closed),
  closureRate: ratio(t.closed, t.dispatched),
  reworkRate: ratio(t.reworked, t.rectified),
  extensionRate: ratio(t.extended, t.dispatched),
  averageHandlingWorkingHours: mean(t.handlingHours),
});
