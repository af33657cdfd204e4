import { describe, expect, it } from 'vitest';
import { buildEscalationReport } from '../../../shared/domain/reports/escalation-report.ts';
import { buildPerformanceReport } from '../../../shared/domain/reports/performance-report.ts';

/** The HTML people read names times in local words; the JSON and CSV keep the instants as data. */

const RAW_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const balanced = { created: 1, byState: { inProgress: 1 }, outside: [], balanced: true };

describe('times in the workflow reports', () => {
  it('shows escalation deadlines and the run time in local time', () => {
    const report = buildEscalationReport({
      period: '2026-12-19T10',
      generatedAt: '2026-12-19T02:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      reviewDue: [],
      reconciliation: { cases: balanced, suggestions: { ...balanced, byState: {} } },
      pass: {
        checked: 1,
        raised: 1,
        escalated: [
          {
            subject: 'case',
            id: 'c-1',
            title: '河道排污',
            state: 'inProgress',
            unitId: 'dept-ecology',
            deadline: '2026-12-18T10:00:00.000Z',
            overdue: true,
            level: 2,
            levelLabel: '人大代表工作机构',
            raisedNow: [2],
          },
        ],
      },
    });
    expect(report.html).toContain('2026年12月18日 18:00（北京时间）');
    expect(report.html).toContain('2026年12月19日 10:00（北京时间）');
    expect(report.html).not.toMatch(RAW_INSTANT);
    expect(report.json.escalated[0]?.deadline).toBe('2026-12-18T10:00:00.000Z');
    expect(report.csv).toContain('2026-12-18T10:00:00.000Z');
    expect(report.csv).toContain('2026年12月18日 18:00（北京时间）');
  });

  it('shows overdue cases’ deadlines in local time and suggestions’ reply dates in words', () => {
    const report = buildPerformanceReport(
      {
        kind: 'weekly',
        period: '2026-W51',
        range: { from: '2026-12-14', to: '2026-12-21' },
        generatedAt: '2026-12-21T01:00:00.000Z',
        timeZone: 'Asia/Shanghai',
        departments: [
          {
            departmentId: 'dept-ecology',
            name: '区生态环境局',
            overdueCases: [
              { id: 'c-1', title: '河道排污', due: '2026-12-18T10:00:00.000Z', escalationLevel: 2 },
            ],
            overdueSuggestions: [{ id: 's-1', title: '关于排污口监管的建议', due: '2026-12-18' }],
          },
        ],
      },
      '区生态环境局 办理绩效周报 2026-W51',
    );
    expect(report.html).toContain('2026年12月18日 18:00（北京时间）');
    expect(report.html).toContain('<td>2026年12月18日</td>');
    expect(report.html).toContain('2026年12月21日 09:00（北京时间）');
    expect(report.html).not.toMatch(RAW_INSTANT);
  });
});
