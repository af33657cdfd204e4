import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { isOverdue, workingTimeBetween } from '../calendar/working-time.ts';
import { DEADLINE_RUNNING_STATES } from './case-listing.ts';
import type { CaseRating, CaseTimelineEntry } from './case-record.ts';

/**
 * What one case's timeline says about its lead departments, replayed step by step for the
 * department indicators (case-indicators.ts states the definitions).
 */
export interface CaseFacts {
  kept: Set<string>;
  rectifiedBy: Set<string>;
  reworkedBy: Set<string>;
  extendedBy: Set<string>;
  handling: { departmentId: string; hours: number }[];
  closure?: { departmentId: string; onTime: boolean };
  overdueHolder?: string;
  /** The reporter's latest rating of a closure by each department. */
  ratings: Map<string, CaseRating>;
}

const HELD_STATES: ReadonlySet<string> = new Set(DEADLINE_RUNNING_STATES);

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

const RATINGS: ReadonlySet<string> = new Set(['satisfied', 'basicallySatisfied', 'unsatisfied']);

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
  // The rating judges the closure, so it counts for the department that closed it.
  rate: (replay, entry) => {
    const rating = entry.details.rating;
    const closer = replay.lastClosure?.departmentId;
    if (closer !== undefined && typeof rating === 'string' && RATINGS.has(rating))
      replay.facts.ratings.set(closer, rating as CaseRating);
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

export const replayCase = (
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
    ratings: new Map(),
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
