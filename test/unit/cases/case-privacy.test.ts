import { describe, expect, it } from 'vitest';
import { caseListSources, listsCase } from '../../../shared/domain/cases/case-listing.ts';
import {
  caseAudienceOf,
  caseForAudience,
  commentForAudience,
  timelineForAudience,
} from '../../../shared/domain/cases/case-privacy.ts';
import type { CaseTimelineEntry } from '../../../shared/domain/cases/case-record.ts';
import { submitCase } from '../../../shared/domain/cases/submit-case.ts';
import { caseIn, people, REPORTER_ID } from './case-fixtures.ts';

const publicCase = caseIn('inProgress', {
  isPublic: true,
  extensionRequest: {
    amount: 2,
    unit: 'workingDays',
    reason: '雨季',
    requestedAt: '2025-06-10T02:00:00.000Z',
    requestedBy: people.leadHandler.userId,
  },
});

describe('caseAudienceOf', () => {
  it('tells the reporter, the staff who act on the case and the other deputies apart', () => {
    const audiences = Object.fromEntries(
      Object.entries(people).map(([name, who]) => [name, caseAudienceOf(who, publicCase)]),
    );
    expect(audiences).toEqual({
      reporter: 'reporter',
      otherDeputy: 'public',
      supervisor: 'staff',
      admin: 'staff',
      leadHandler: 'staff',
      leadHead: 'staff',
      coHandler: 'staff',
      otherHandler: 'public',
    });
  });
});

describe('caseForAudience', () => {
  const named = { ...publicCase, showReporterName: true, reporterName: '李代表' };

  it('shows other deputies no reporter id, and the name only when the reporter allowed it', () => {
    const shown = caseForAudience(publicCase, 'public');
    expect(JSON.stringify(shown)).not.toContain(REPORTER_ID);
    expect(shown).not.toHaveProperty('reporterName');
    expect(JSON.stringify(shown)).not.toContain(people.leadHandler.userId);
    expect(caseForAudience(named, 'public')).toMatchObject({ reporterName: '李代表' });
    expect(caseForAudience({ ...named, showReporterName: false }, 'public')).not.toHaveProperty(
      'reporterName',
    );
  });

  it('keeps the record whole for the reporter and the staff', () => {
    expect(caseForAudience(named, 'staff')).toBe(named);
    expect(caseForAudience(named, 'reporter')).toBe(named);
  });
});

describe('timeline and comments for other deputies', () => {
  const entry = (seq: number, actorId: string): CaseTimelineEntry => ({
    seq,
    at: '2025-06-09T01:00:00.000Z',
    actorId,
    actorRole: 'deputy',
    action: 'submit',
    from: null,
    to: 'submitted',
    mediaIds: [],
    details: {},
  });

  it('drops every actor id and marks the reporter’s own steps', () => {
    const entries = [entry(1, REPORTER_ID), entry(2, people.supervisor.userId)];
    const shown = timelineForAudience(entries, publicCase, 'public', people.otherDeputy);
    expect(shown.map((e) => ('actorId' in e ? e.actorId : (e.byReporter ?? null)))).toEqual([true, null]);
    expect(timelineForAudience(entries, publicCase, 'staff', people.supervisor)).toBe(entries);
  });

  it('hides comment authors but the reader’s own', () => {
    const comment = (authorId: string) => ({ id: authorId, authorId, text: 'x' });
    const reader = people.otherDeputy;
    expect(commentForAudience(comment(REPORTER_ID), publicCase, 'public', reader)).toEqual({
      id: REPORTER_ID,
      text: 'x',
      byReporter: true,
    });
    expect(commentForAudience(comment(reader.userId), publicCase, 'public', reader)).toMatchObject({
      authorId: reader.userId,
    });
    expect(commentForAudience(comment('u-x'), publicCase, 'public', reader)).not.toHaveProperty('authorId');
  });
});

describe('the reporter reading other deputies on their own public case', () => {
  const reporter = people.reporter;
  const comment = (authorId: string, authorRole: 'deputy' | 'handler') => ({
    id: `c-${authorId}`,
    authorId,
    authorRole,
    text: 'x',
  });

  it('sees their own comments’ id and the staff’s, and for another deputy only the role', () => {
    const other = commentForAudience(comment('u-deputy-2', 'deputy'), publicCase, 'reporter', reporter);
    expect(other).not.toHaveProperty('authorId');
    expect(other).toMatchObject({ authorRole: 'deputy', authorLabel: '代表' });
    expect(
      commentForAudience(comment(REPORTER_ID, 'deputy'), publicCase, 'reporter', reporter),
    ).toMatchObject({
      authorId: REPORTER_ID,
    });
    expect(
      commentForAudience(comment(people.leadHandler.userId, 'handler'), publicCase, 'reporter', reporter),
    ).toMatchObject({ authorId: people.leadHandler.userId });
  });

  it('sees no other deputy’s id on the timeline either, the staff’s as before', () => {
    const step = (seq: number, actorId: string, actorRole: 'deputy' | 'supervisor'): CaseTimelineEntry => ({
      seq,
      at: '2025-06-09T01:00:00.000Z',
      actorId,
      actorRole,
      action: 'accept',
      from: 'submitted',
      to: 'accepted',
      mediaIds: [],
      details: {},
    });
    const entries = [
      step(1, REPORTER_ID, 'deputy'),
      step(2, 'u-deputy-2', 'deputy'),
      step(3, 'u-sup', 'supervisor'),
    ];
    const shown = timelineForAudience(entries, publicCase, 'reporter', reporter);
    expect(shown.map((entry) => entry.actorId)).toEqual([REPORTER_ID, undefined, 'u-sup']);
    expect(shown[1]).toMatchObject({ actorRole: 'deputy', actorLabel: '代表' });
  });

  it('labels every withheld person by role for other deputies too', () => {
    const shown = commentForAudience(
      comment(people.leadHandler.userId, 'handler'),
      publicCase,
      'public',
      people.otherDeputy,
    );
    expect(shown).not.toHaveProperty('authorId');
    expect(shown).toMatchObject({ authorLabel: '承办人员' });
  });
});

describe('a reporter filter cannot unmask a public case', () => {
  const now = new Date('2025-06-11T00:00:00Z');

  it('matches another deputy’s public case for staff only', () => {
    const filter = { reporterId: REPORTER_ID };
    expect(listsCase(people.otherDeputy, publicCase, filter, now)).toBe(false);
    expect(listsCase(people.otherDeputy, publicCase, {}, now)).toBe(true);
    expect(listsCase(people.supervisor, publicCase, filter, now)).toBe(true);
    expect(listsCase(people.reporter, publicCase, filter, now)).toBe(true);
    expect(caseListSources(people.otherDeputy, filter)).toEqual([
      { kind: 'reporter', reporterId: people.otherDeputy.userId },
    ]);
  });
});

describe('submitCase and the reporter’s name', () => {
  const payload = { categoryId: 'waterPollution', title: 't', description: 'd', isPublic: true };
  const at = new Date('2025-06-09T01:00:00Z');

  it('keeps the name only when the reporter allows showing it', () => {
    const base = { id: 'c', principal: people.reporter, at, reporterName: '李代表' };
    const hidden = submitCase({ ...base, payload }).record;
    expect(hidden).not.toHaveProperty('reporterName');
    expect(hidden).not.toHaveProperty('showReporterName');
    const shown = submitCase({ ...base, payload: { ...payload, showReporterName: true } }).record;
    expect(shown).toMatchObject({ showReporterName: true, reporterName: '李代表' });
  });
});
