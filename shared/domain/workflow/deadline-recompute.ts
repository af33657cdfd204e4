import { formatLocalDateTime } from '../calendar/local-time-text.ts';
import { provisionalFields, provisionalMarkOf, recomputeDeadline } from '../calendar/provisional-deadline.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { DEADLINE_RUNNING_STATES } from '../cases/case-listing.ts';
import type { CaseRecord, CaseTimelineEntry } from '../cases/case-record.ts';
import type { SuggestionRecord, SuggestionTimelineEntry } from '../suggestions/suggestion-record.ts';
import { escalationAfterMove } from './escalation-restart.ts';
import { SYSTEM_ACTOR_ROLE } from './timeline.ts';

/**
 * When a calendar year is loaded, every open record whose working-time deadline is provisional is
 * counted again (provisional-deadline.ts): a versioned step by `system:calendar`, with a timeline
 * entry `recomputeDeadline`, like any other step, so a person acting at the same moment and the
 * recomputation cannot overwrite each other.
 */

export const CALENDAR_ACTOR_ID = 'system:calendar';

/** An open case whose deadline is provisional: dispatched and held against its deadline. */
export const caseAwaitsRecompute = (record: CaseRecord): boolean =>
  record.deadline !== undefined &&
  provisionalMarkOf(record) !== undefined &&
  DEADLINE_RUNNING_STATES.includes(record.state);

/** A suggestion whose hand-back date is provisional, while a hand-back can still be asked for. */
export const suggestionAwaitsRecompute = (record: SuggestionRecord): boolean =>
  record.handBackDue !== undefined && provisionalMarkOf(record) !== undefined && record.state === 'assigned';

/**
 * What a write from `previous` to `next` does to the record's standing as "awaiting a recomputation":
 * `keep` when neither awaits one, or both do from the same instant (the usual case: no extra write),
 * else `mark` it from `next`'s `provisionalSince` or `unmark` it. Every adapter of the workflow port
 * keeps the mark by this rule (ports/provisional-deadlines.ts).
 */
export const awaitingMarkChange = <R extends { provisionalSince?: string }>(
  previous: R | undefined,
  next: R,
  awaits: (record: R) => boolean,
): 'keep' | 'mark' | 'unmark' => {
  const was = previous !== undefined && awaits(previous);
  const is = awaits(next);
  if (!was && !is) return 'keep';
  if (was && is && previous?.provisionalSince === next.provisionalSince) return 'keep';
  return is ? 'mark' : 'unmark';
};

interface Recomputed {
  previous: string;
  next: string;
  fields: ReturnType<typeof provisionalFields>;
}

const recompute = (
  due: string,
  record: { provisional?: boolean; provisionalSince?: string },
  calendar: WorkingCalendar,
): Recomputed | undefined => {
  const mark = provisionalMarkOf(record);
  if (!mark) return undefined;
  const result = recomputeDeadline(new Date(due), mark, calendar);
  return { previous: due, next: result.deadline.toISOString(), fields: provisionalFields(result) };
};

const noteOf = (what: string, change: Recomputed, timeZone: string): string => {
  const from = formatLocalDateTime(change.previous, timeZone);
  const to = formatLocalDateTime(change.next, timeZone);
  const moved = change.previous === change.next ? `${what}仍为 ${to}` : `${what}由 ${from} 重算为 ${to}`;
  const still = change.fields.provisional ? '；仍有日子超出已载入的日历，仍为暂定' : '，不再是暂定期限';
  return `工作日历已载入新的年度节假日安排，${moved}${still} (recomputed with the loaded working calendar)`;
};

const entryOf = <S extends string>(
  state: S,
  version: number,
  at: Date,
  note: string,
  details: Record<string, unknown>,
) => ({
  seq: version,
  at: at.toISOString(),
  actorId: CALENDAR_ACTOR_ID,
  actorRole: SYSTEM_ACTOR_ROLE,
  action: 'recomputeDeadline' as const,
  from: state,
  to: state,
  note,
  mediaIds: [],
  details,
});

/** The case with its deadline counted again, or undefined when it does not await that. */
export const recomputeCaseDeadline = (
  record: CaseRecord,
  calendar: WorkingCalendar,
  at: Date,
): { record: CaseRecord; entry: CaseTimelineEntry } | undefined => {
  const change = caseAwaitsRecompute(record) ? recompute(record.deadline ?? '', record, calendar) : undefined;
  if (!change) return undefined;
  const version = record.version + 1;
  return {
    record: {
      ...record,
      version,
      deadline: change.next,
      ...change.fields,
      // A deadline that moves keeps only the level it still warrants (escalation-restart.ts).
      ...escalationAfterMove(record.escalationLevel, change.next, at, calendar),
    },
    // `deadline` in details is what the indicators replay reads as the deadline from here on.
    entry: entryOf(record.state, version, at, noteOf('办理期限', change, calendar.timeZone), {
      previousDeadline: change.previous,
      deadline: change.next,
      ...change.fields,
    }),
  };
};

/** The suggestion with its hand-back date counted again, or undefined when it does not await that. */
export const recomputeSuggestionDeadline = (
  record: SuggestionRecord,
  calendar: WorkingCalendar,
  at: Date,
): { record: SuggestionRecord; entry: SuggestionTimelineEntry } | undefined => {
  const change = suggestionAwaitsRecompute(record)
    ? recompute(record.handBackDue ?? '', record, calendar)
    : undefined;
  if (!change) return undefined;
  const version = record.version + 1;
  return {
    record: { ...record, version, handBackDue: change.next, ...change.fields },
    entry: entryOf(record.state, version, at, noteOf('退回申请期限', change, calendar.timeZone), {
      previousHandBackDue: change.previous,
      handBackDue: change.next,
      ...change.fields,
    }),
  };
};
