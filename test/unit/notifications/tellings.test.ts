import { describe, expect, it } from 'vitest';
import type { CaseTimelineEntry } from '../../../shared/domain/cases/case-record.ts';
import { alertTellings } from '../../../shared/domain/notifications/alert-tellings.ts';
import { caseTellings } from '../../../shared/domain/notifications/case-tellings.ts';
import { suggestionTellings } from '../../../shared/domain/notifications/suggestion-tellings.ts';
import type { SuggestionTimelineEntry } from '../../../shared/domain/suggestions/suggestion-record.ts';
import { CO, caseIn, LEAD, REPORTER_ID } from '../cases/case-fixtures.ts';
import { assignedStory, filed, people } from '../suggestions/suggestion-fixtures.ts';

/** Who each step tells, and what it says (issue 18's table), from the pure rules. */

const context = {
  timeZone: 'Asia/Shanghai',
  departmentName: (id: string) => ({ [LEAD]: '区生态环境局', [CO]: '区水务局' })[id] ?? id,
};
const entry = (over: Partial<CaseTimelineEntry>): CaseTimelineEntry => ({
  seq: 6,
  at: '2025-06-10T02:00:00.000Z',
  actorId: 'u-supervisor',
  actorRole: 'supervisor',
  action: 'dispatch',
  from: 'accepted',
  to: 'dispatched',
  mediaIds: [],
  details: {},
  ...over,
});
const dispatched = caseIn('dispatched', {
  deadline: '2025-06-17T10:00:00.000Z',
  location: { latitude: 30.52, longitude: 114.31, address: '东湖路 8 号桥下' },
});

describe('a case step', () => {
  it('dispatch: the lead and co-departments’ handlers and heads, and the reporter, with place and local deadline', () => {
    const tellings = caseTellings(dispatched, entry({}), context);
    expect(tellings.map((t) => [t.kind, t.audiences, t.urgent])).toEqual([
      [
        'caseDispatched',
        [
          { kind: 'department', departmentId: LEAD, roles: ['handler', 'head'] },
          { kind: 'department', departmentId: CO, roles: ['handler', 'head'] },
        ],
        false,
      ],
      ['stateChanged', [{ kind: 'deputy', userId: REPORTER_ID }], false],
    ]);
    expect(tellings[0]?.body).toBe(
      '案件「河道漂浮物」（地点：东湖路 8 号桥下）已派遣至区生态环境局办理，协办：区水务局，办理期限 2025年6月17日 18:00（北京时间）。',
    );
    expect(tellings[1]?.body).toContain('已派遣，当前状态：已派遣');
  });

  it('tells no one in our inbox of a case a client reported (its reporter follows it through Open311)', () => {
    const viaClient = { ...dispatched, reporterId: 'apiclient:city-hotline' };
    const tellings = caseTellings(viaClient, entry({}), context);
    expect(tellings.map((t) => t.kind)).toEqual(['caseDispatched']);
  });

  it('escalation level 1: the lead department’s head (urgent) and its handlers that the deadline is a working day away', () => {
    const escalate = entry({
      action: 'escalate',
      from: 'inProgress',
      to: 'inProgress',
      at: '2025-06-17T01:00:00.000Z',
      details: { level: 1, deadline: dispatched.deadline },
    });
    const tellings = caseTellings({ ...dispatched, state: 'inProgress' }, escalate, context);
    expect(tellings.map((t) => [t.kind, t.audiences, t.urgent, t.level])).toEqual([
      ['escalation', [{ kind: 'department', departmentId: LEAD, roles: ['head'] }], true, 1],
      ['deadlineNear', [{ kind: 'department', departmentId: LEAD, roles: ['handler'] }], false, 1],
    ]);
    expect(tellings[0]?.body).toContain('临近办理期限 2025年6月17日 18:00（北京时间）');
    expect(tellings[1]?.title).toBe('即将到期：河道漂浮物');
  });

  it('escalation levels 2 and 3: People’s Congress staff, then the district leaders; never the reporter', () => {
    const at = '2025-06-18T01:00:00.000Z';
    const level = (n: number) =>
      caseTellings(
        dispatched,
        entry({
          action: 'escalate',
          from: 'dispatched',
          to: 'dispatched',
          at,
          details: { level: n, deadline: dispatched.deadline },
        }),
        context,
      );
    expect(level(2).map((t) => t.audiences)).toEqual([[{ kind: 'role', role: 'supervisor' }]]);
    expect(level(3).map((t) => t.audiences)).toEqual([[{ kind: 'districtLeaders' }]]);
    expect(level(2)[0]?.body).toContain('已超过办理期限');
  });

  it('a step that leaves the state as it was tells the reporter nothing; the creation neither', () => {
    expect(
      caseTellings(
        dispatched,
        entry({ action: 'requestExtension', from: 'inProgress', to: 'inProgress' }),
        context,
      ),
    ).toEqual([]);
    expect(
      caseTellings(dispatched, entry({ action: 'submit', from: null, to: 'submitted' }), context),
    ).toEqual([]);
  });

  it('names the place by coordinates when the reporter gave no address', () => {
    const bare = caseIn('dispatched', { location: { latitude: 30.52, longitude: 114.31 } });
    expect(caseTellings(bare, entry({}), context)[0]?.body).toContain('地点：北纬30.5200°，东经114.3100°');
  });
});

describe('a suggestion step (taken through the real workflow)', () => {
  const s = assignedStory('2026-03-03T02:00:00Z', []);
  const assign = s.timeline.at(-1) as SuggestionTimelineEntry;
  const assigned = s.current();
  const deputies = [people.filer.userId, people.coSigner.userId].map((userId) => ({
    kind: 'deputy',
    userId,
  }));

  it('assignment: the lead unit’s handlers and head, and every deputy of it', () => {
    const tellings = suggestionTellings(assigned, assign, context);
    expect(tellings.map((t) => [t.kind, t.audiences])).toEqual([
      ['suggestionAssigned', [{ kind: 'department', departmentId: LEAD, roles: ['handler', 'head'] }]],
      ['stateChanged', deputies],
    ]);
    expect(tellings[0]?.body).toContain('已交办区生态环境局主办，答复期限 2026年6月3日前');
  });

  it('a reply: its deputies, with the class and the date to rate by', () => {
    s.step('reply', people.leadHead, '2026-03-20T02:00:00Z', { class: 'A', text: '已完成改造计划' });
    const reply = s.timeline.at(-1) as SuggestionTimelineEntry;
    expect(suggestionTellings(s.current(), reply, context)).toEqual([
      expect.objectContaining({
        kind: 'suggestionReplied',
        audiences: deputies,
        body: expect.stringMatching(/（A类：已解决或基本解决），请于2026年\d+月\d+日前评价。$/),
      }),
    ]);
  });

  it('an escalation names the reply date as the date it is, and tells the people of its level only', () => {
    const escalate: SuggestionTimelineEntry = {
      ...assign,
      seq: assign.seq + 1,
      action: 'escalate',
      from: 'assigned',
      to: 'assigned',
      actorId: 'system:escalation',
      actorRole: 'system',
      at: '2026-06-02T03:00:00.000Z',
      details: { level: 1, deadline: '2026-06-03T16:00:00.000Z' },
    };
    const tellings = suggestionTellings(assigned, escalate, context);
    expect(tellings.map((t) => [t.kind, t.audiences, t.urgent])).toEqual([
      ['escalation', [{ kind: 'department', departmentId: LEAD, roles: ['head'] }], true],
    ]);
    expect(tellings[0]?.body).toBe(
      `代表建议「${assigned.title}」临近答复期限 2026年6月3日前，主办单位：区生态环境局，已升级至承办部门负责人督办。`,
    );
  });

  it('the filing tells the co-signers they were named (the filer took the step)', () => {
    const { record, entry: filing } = filed('sug-2');
    expect(suggestionTellings(record, filing, context).map((t) => [t.kind, t.audiences, t.body])).toEqual([
      ['stateChanged', deputies, expect.stringContaining('附议代表')],
    ]);
  });
});

describe('an alert', () => {
  it('budget and offline alerts: the ecology department and the supervisors; the calendar: the admins; anomalies: no one', () => {
    const budget = alertTellings(
      { kind: 'budgetBreach', targetId: 'ENT-0001', message: '超出预算' },
      'dept-ecology',
    );
    expect(budget[0]?.audiences).toEqual([
      { kind: 'department', departmentId: 'dept-ecology', roles: ['handler', 'head'] },
      { kind: 'role', role: 'supervisor' },
    ]);
    expect(
      alertTellings({ kind: 'calendarRunningOut', targetId: 'workingCalendar', message: 'x' }, 'd')[0]
        ?.audiences,
    ).toEqual([{ kind: 'role', role: 'admin' }]);
    expect(alertTellings({ kind: 'anomaly', targetId: 'MTR-1', message: 'x' }, 'd')).toEqual([]);
  });
});
