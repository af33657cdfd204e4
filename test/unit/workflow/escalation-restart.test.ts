import { describe, expect, it } from 'vitest';
import { bundledSeedYears } from '../../../shared/domain/calendar/bundled-calendar.ts';
import { buildWorkingCalendar } from '../../../shared/domain/calendar/working-calendar.ts';
import { applyCaseTransition } from '../../../shared/domain/cases/case-machine.ts';
import type { CaseRecord } from '../../../shared/domain/cases/case-record.ts';
import type { Principal } from '../../../shared/domain/roles.ts';
import { closeExpiredRatingRound } from '../../../shared/domain/suggestions/rating-round.ts';
import { applySuggestionTransition } from '../../../shared/domain/suggestions/suggestion-machine.ts';
import type { SuggestionRecord } from '../../../shared/domain/suggestions/suggestion-record.ts';
import { recomputeCaseDeadline } from '../../../shared/domain/workflow/deadline-recompute.ts';
import { escalationsDue, escalationTarget } from '../../../shared/domain/workflow/escalation.ts';
import { caseCandidate, suggestionCandidate } from '../../../shared/domain/workflow/escalation-candidates.ts';
import { type Escalatable, escalationStep } from '../../../shared/domain/workflow/escalation-step.ts';
import { env as caseEnv, caseIn, people as casePeople } from '../cases/case-fixtures.ts';
import { assignedStory, LEAD, people, env as suggestionEnv } from '../suggestions/suggestion-fixtures.ts';

/**
 * The escalation level belongs to the deadline in force (issue 14 sweep): a new deadline — a new
 * handling round — is escalated afresh, while a deadline that only moves keeps no more than the
 * level its new position warrants. The hourly job is played here as it runs: candidates, target,
 * the levels due, one versioned step per level.
 */

const zone = caseEnv.calendar.timeZone;
const at = (local: string) => new Date(`${local}+08:00`);

/** One pass of the escalation job over one record at `now`; the levels it records. */
const escalate = <R extends Escalatable<string>>(
  record: R,
  now: Date,
  candidateOf: (record: R) => { deadline: string; level: 0 | 1 | 2 | 3 } | undefined,
): { record: R; raised: number[] } => {
  const candidate = candidateOf(record);
  if (!candidate) return { record, raised: [] };
  const due = escalationsDue(candidate.level, escalationTarget(candidate.deadline, now, caseEnv.calendar));
  let next = record;
  for (const level of due) {
    if (level !== 0) next = escalationStep(next, level, now, candidate.deadline, zone).record;
  }
  return { record: next, raised: due };
};
const escalateCase = (record: CaseRecord, now: Date) => escalate(record, now, caseCandidate);
const escalateSuggestion = (record: SuggestionRecord, now: Date) =>
  escalate(record, now, (r) => suggestionCandidate(r, zone));

const actCase = (record: CaseRecord, action: string, who: Principal, when: Date, payload: unknown = {}) =>
  applyCaseTransition(record, { action, principal: who, payload, at: when }, caseEnv).record;
const actSuggestion = (
  record: SuggestionRecord,
  action: string,
  who: Principal,
  when: Date,
  payload: unknown = {},
) => applySuggestionTransition(record, { action, principal: who, payload, at: when }, suggestionEnv).record;

describe('a case given a new deadline is escalated afresh', () => {
  // The fixture's case was dispatched Mon 2025-06-09 10:00; its deadline is Mon 06-16 18:00.
  const overdueToTheLeader = () => {
    const escalated = escalateCase(caseIn('inProgress'), at('2025-06-25T10:00:00'));
    expect(escalated.raised).toEqual([1, 2, 3]);
    return escalated.record;
  };

  it('re-dispatched after an unsatisfied rating: its new deadline is warned about and escalated again', () => {
    const closed: CaseRecord = { ...overdueToTheLeader(), state: 'closed', closedAt: '2025-06-26T02:00:00Z' };
    const reopened = actCase(closed, 'rate', casePeople.reporter, at('2025-06-27T10:00:00'), {
      rating: 'unsatisfied',
    });
    expect(reopened.state).toBe('reopened');
    const redispatched = actCase(reopened, 'dispatch', casePeople.supervisor, at('2025-06-30T10:00:00'), {
      leadDepartmentId: 'dept-ecology',
    });
    // Mon 06-30 10:00 + 5 working days → close of office on Mon 07-07.
    expect(redispatched.deadline).toBe('2025-07-07T10:00:00.000Z');
    expect(redispatched.escalationLevel).toBeUndefined();
    expect(escalateCase(redispatched, at('2025-07-04T18:00:00')).raised).toEqual([1]);
    expect(escalateCase(redispatched, at('2025-07-08T10:00:00')).raised).toEqual([1, 2]);
  });

  it('returned by the department: the level goes with the deadline, and the next dispatch starts at 0', () => {
    const dispatched: CaseRecord = { ...overdueToTheLeader(), state: 'dispatched' };
    const returned = actCase(
      dispatched,
      'returnToDispatcher',
      casePeople.leadHandler,
      at('2025-06-25T11:00:00'),
      {
        reason: '不属于本部门职责',
      },
    );
    expect(returned.state).toBe('accepted');
    expect(returned).not.toHaveProperty('deadline');
    expect(returned).not.toHaveProperty('escalationLevel');
    const again = actCase(returned, 'dispatch', casePeople.supervisor, at('2025-06-25T14:00:00'), {
      leadDepartmentId: 'dept-water',
    });
    expect(escalateCase(again, at('2025-07-03T14:00:00')).raised).toEqual([1, 2]);
  });

  it('an approved extension is warned about again near its new end', () => {
    // Fri 06-13 17:00: 9 working hours left … Mon 06-16 10:00: within the last working day (level 1).
    const near = escalateCase(caseIn('inProgress'), at('2025-06-16T10:00:00'));
    expect(near.raised).toEqual([1]);
    const requested = actCase(
      near.record,
      'requestExtension',
      casePeople.leadHandler,
      at('2025-06-16T10:30:00'),
      {
        amount: 3,
        unit: 'workingDays',
        reason: '需等待检测报告',
      },
    );
    const extended = actCase(requested, 'approveExtension', casePeople.supervisor, at('2025-06-16T11:00:00'));
    // 06-16 18:00 + 3 working days → Thu 06-19 18:00.
    expect(extended.deadline).toBe('2025-06-19T10:00:00.000Z');
    expect(extended.escalationLevel).toBeUndefined();
    expect(escalateCase(extended, at('2025-06-18T18:00:00')).raised).toEqual([1]);
  });

  it('resumed while still overdue: the same lateness is not escalated twice', () => {
    const late = overdueToTheLeader();
    const suspended = actCase(late, 'suspend', casePeople.supervisor, at('2025-06-25T11:00:00'), {
      reason: '等待上级批复',
      nextReviewDate: '2025-06-27',
    });
    const resumed = actCase(suspended, 'resume', casePeople.supervisor, at('2025-06-26T11:00:00'));
    expect(resumed.escalationLevel).toBe(3);
    expect(escalateCase(resumed, at('2025-06-26T12:00:00')).raised).toEqual([]);
  });
});

describe('a suggestion given a new reply date is escalated afresh', () => {
  /** Assigned Tue 2026-03-31: the reply is due 06-30; replied late on 07-10 after the leader level. */
  const repliedLate = () => {
    const s = assignedStory('2026-03-31T02:00:00Z', []);
    const escalated = escalateSuggestion(s.current(), at('2026-07-09T10:00:00'));
    expect(escalated.raised).toEqual([1, 2, 3]);
    return actSuggestion(escalated.record, 'reply', people.leadHead, at('2026-07-10T10:00:00'), {
      class: 'A',
      text: '已答复',
    });
  };

  it('re-handled after a 不满意: the re-handling reply date is escalated again', () => {
    const replied = repliedLate();
    const byFiler = actSuggestion(replied, 'rate', people.filer, at('2026-07-11T10:00:00'), {
      rating: 'unsatisfied',
    });
    const rehandling = actSuggestion(byFiler, 'rate', people.coSigner, at('2026-07-11T11:00:00'), {
      rating: 'satisfied',
    });
    expect(rehandling).toMatchObject({ state: 'rehandling', replyDue: '2026-08-11' });
    expect(rehandling.escalationLevel).toBeUndefined();
    expect(escalateSuggestion(rehandling, at('2026-08-12T10:00:00')).raised).toEqual([1, 2]);
  });

  it('re-handled when the rating round runs out: the same', () => {
    const replied = repliedLate();
    const byFiler = actSuggestion(replied, 'rate', people.filer, at('2026-07-11T10:00:00'), {
      rating: 'unsatisfied',
    });
    const closing = closeExpiredRatingRound(byFiler, at('2026-07-26T00:00:00'), suggestionEnv);
    expect(closing?.record.state).toBe('rehandling');
    expect(closing?.record.escalationLevel).toBeUndefined();
  });

  it('handed back and assigned again: the new unit’s reply date starts at 0', () => {
    const s = assignedStory('2026-03-31T02:00:00Z', []);
    // The hand-back window closes after 7 working days, long before any escalation; a record that
    // somehow carries a level still loses it with the unit it belonged to.
    const carrying: SuggestionRecord = { ...s.current(), escalationLevel: 1 };
    const requested = actSuggestion(
      carrying,
      'requestHandBack',
      people.leadHandler,
      at('2026-04-01T10:00:00'),
      {
        reason: '不属于本单位职责',
      },
    );
    const handedBack = actSuggestion(
      requested,
      'approveHandBack',
      people.supervisor,
      at('2026-04-02T10:00:00'),
    );
    expect(handedBack.state).toBe('accepted');
    expect(handedBack).not.toHaveProperty('escalationLevel');
    const reassigned = actSuggestion(handedBack, 'assign', people.supervisor, at('2026-04-03T10:00:00'), {
      leadUnitId: LEAD,
      coUnitIds: [],
    });
    expect(reassigned.escalationLevel).toBeUndefined();
  });

  it('an approved extension is warned about again near its new date', () => {
    const s = assignedStory('2026-03-31T02:00:00Z', []);
    const near = escalateSuggestion(s.current(), at('2026-06-30T10:00:00'));
    expect(near.raised).toEqual([1]);
    const requested = actSuggestion(
      near.record,
      'requestExtension',
      people.leadHandler,
      at('2026-06-30T11:00:00'),
      {
        replyDue: '2026-08-31',
        reason: '需结合年度预算',
      },
    );
    const extended = actSuggestion(
      requested,
      'approveExtension',
      people.supervisor,
      at('2026-06-30T12:00:00'),
    );
    expect(extended.replyDue).toBe('2026-08-31');
    expect(extended).not.toHaveProperty('escalationLevel');
    expect(escalateSuggestion(extended, at('2026-08-31T10:00:00')).raised).toEqual([1]);
  });
});

describe('a provisional deadline recounted when its year is loaded', () => {
  it('keeps only the level its recounted deadline warrants', () => {
    // Only 2025 loaded: dispatched Thu 2026-02-12 10:00, counted Monday–Friday → Thu 02-19 18:00.
    const only2025 = buildWorkingCalendar(bundledSeedYears().slice(0, 1));
    const dispatched = applyCaseTransition(
      caseIn('accepted', { leadDepartmentId: undefined, coDepartmentIds: [], deadline: undefined }),
      {
        action: 'dispatch',
        principal: casePeople.supervisor,
        payload: { leadDepartmentId: 'dept-ecology' },
        at: at('2026-02-12T10:00:00'),
      },
      { calendar: only2025 },
    ).record;
    expect(dispatched).toMatchObject({ deadline: '2026-02-19T10:00:00.000Z', provisional: true });
    const escalated = escalateCase(dispatched, at('2026-02-20T10:00:00'));
    expect(escalated.raised).toEqual([1, 2]);
    // 2026 loaded: 02-13, the make-up Saturday 02-14, the Spring Festival to 02-23, then 24–26.
    const recounted = recomputeCaseDeadline(escalated.record, caseEnv.calendar, at('2026-02-20T10:30:00'));
    expect(recounted?.record.deadline).toBe('2026-02-26T10:00:00.000Z');
    expect(recounted?.record.escalationLevel).toBeUndefined();
  });
});
