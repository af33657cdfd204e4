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
    const shown = timelineForAudience(entries, publicCase, 'public');
    expect(shown.map((e) => ('actorId' in e ? e.actorId : (e.byReporter ?? null)))).toEqual([true, null]);
    expect(timelineForAudience(entries, publicCase, 'staff')).toBe(entries);
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
