import { describe, expect, it } from 'vitest';
import { overdueCaseItem } from '../../../shared/application/reports/performance-report-job.ts';
import { defaultWorkingCalendar } from '../../../shared/domain/calendar/bundled-calendar.ts';
import type { CaseRecord } from '../../../shared/domain/cases/case-record.ts';
import { buildEscalationReport } from '../../../shared/domain/reports/escalation-report.ts';
import { buildPerformanceReport } from '../../../shared/domain/reports/performance-report.ts';
import { caseCandidate } from '../../../shared/domain/workflow/escalation-candidates.ts';
import { runEscalationPass } from '../../../shared/domain/workflow/escalation-job.ts';
import { dryRunLines } from '../../../shared/domain/workflow/escalation-run-mode.ts';
import { caseIn } from '../cases/case-fixtures.ts';

/**
 * A deadline counted past the loaded working calendar is provisional (docs/working-calendar.md); the
 * escalation and performance reports say so beside it — a mark and the zh-CN note — in their JSON,
 * CSV and HTML, so nobody reads a provisional date as final.
 */

const zone = 'Asia/Shanghai';
const balanced = { created: 1, byState: { inProgress: 1 }, outside: [], balanced: true };
/** Dispatched on 2026-12-29 before 2027 was loaded: five working days counted Monday–Friday. */
const provisionalCase: CaseRecord = caseIn('inProgress', {
  id: 'c-provisional',
  dispatchedAt: '2026-12-29T02:00:00.000Z',
  deadline: '2027-01-05T10:00:00.000Z',
  provisional: true,
  provisionalSince: '2026-12-31T16:00:00.000Z',
});
const finalCase: CaseRecord = caseIn('inProgress', { id: 'c-final', deadline: '2026-12-18T10:00:00.000Z' });

const escalationReport = async () => {
  const pass = await runEscalationPass(
    {
      openCandidates: async () =>
        [provisionalCase, finalCase].flatMap((record) => caseCandidate(record) ?? []),
      escalate: async () => true,
    },
    { now: new Date('2027-01-06T02:00:00.000Z'), calendar: defaultWorkingCalendar() },
  );
  return buildEscalationReport({
    period: '2027-01-06T10',
    generatedAt: '2027-01-06T02:00:00.000Z',
    timeZone: zone,
    reviewDue: [],
    reconciliation: { cases: balanced, suggestions: { ...balanced, byState: {} } },
    pass,
  });
};

describe('the escalation report', () => {
  it('marks a provisional deadline in its JSON, with the note people read', async () => {
    const report = await escalationReport();
    const [final, provisional] = report.json.escalated;
    expect(provisional).toMatchObject({
      id: 'c-provisional',
      provisional: true,
      provisionalSince: '2026-12-31T16:00:00.000Z',
      provisionalNote: expect.stringMatching(/^暂定期限：2027年1月1日起的日子尚未载入工作日历/),
    });
    expect(final?.id).toBe('c-final');
    expect(final).not.toHaveProperty('provisional');
    expect(final).not.toHaveProperty('provisionalNote');
  });

  it('has a provisional column and the note in its CSV', async () => {
    const [header, ...rows] = (await escalationReport()).csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(header).toContain('deadline provisional');
    const provisional = rows.find((row) => row.includes('c-provisional')) ?? '';
    const final = rows.find((row) => row.includes('c-final')) ?? '';
    expect(provisional).toContain('暂定 provisional');
    expect(provisional).toContain('暂定期限：2027年1月1日起');
    expect(final).not.toContain('暂定');
  });

  it('marks the deadline in its HTML and gives the note', async () => {
    const { html } = await escalationReport();
    expect(html).toContain('2027年1月5日 18:00（北京时间）※暂定');
    expect(html).not.toContain('2026年12月18日 18:00（北京时间）※暂定');
    expect(html).toContain('※暂定期限：2027年1月1日起的日子尚未载入工作日历');
  });
});

describe('the performance report', () => {
  const report = () =>
    buildPerformanceReport(
      {
        kind: 'weekly',
        period: '2027-W02',
        range: { from: '2027-01-04', to: '2027-01-11' },
        generatedAt: '2027-01-11T01:00:00.000Z',
        timeZone: zone,
        departments: [
          {
            departmentId: 'dept-ecology',
            name: '区生态环境局',
            overdueCases: [overdueCaseItem(provisionalCase), overdueCaseItem(finalCase)],
            overdueSuggestions: [],
          },
        ],
      },
      '区生态环境局 办理绩效周报 2027-W02',
    );

  it('carries the mark and the note on an overdue case in its JSON', () => {
    const [provisional, final] = report().json.departments[0]?.overdueCases ?? [];
    expect(provisional).toMatchObject({
      id: 'c-provisional',
      provisional: true,
      provisionalSince: '2026-12-31T16:00:00.000Z',
      provisionalNote: expect.stringMatching(/^暂定期限：/),
    });
    expect(final).not.toHaveProperty('provisional');
  });

  it('counts provisional deadlines among the overdue in its CSV', () => {
    const [header, row] = report().csv.replace('\uFEFF', '').trim().split('\r\n');
    const columns = header?.split(',') ?? [];
    const index = columns.indexOf('cases overdue now with provisional deadline');
    expect(index).toBeGreaterThan(0);
    expect(row?.split(',')[index]).toBe('1');
  });

  it('marks the deadline in its HTML and gives the note', () => {
    const { html } = report();
    expect(html).toContain('2027年1月5日 18:00（北京时间）※暂定');
    expect(html).toContain('※暂定期限：2027年1月1日起的日子尚未载入工作日历');
  });
});

describe('an escalation dry run', () => {
  it('says which deadlines are provisional', async () => {
    const pass = await runEscalationPass(
      {
        openCandidates: async () => [caseCandidate(provisionalCase)].flatMap((c) => c ?? []),
        escalate: async () => true,
      },
      { now: new Date('2027-01-06T02:00:00.000Z'), calendar: defaultWorkingCalendar() },
    );
    const [, line] = dryRunLines(pass, new Date('2027-01-06T02:00:00.000Z'), zone);
    expect(line).toContain('期限 2027年1月5日 18:00（北京时间）（暂定期限，工作日历尚未载入）');
  });
});
