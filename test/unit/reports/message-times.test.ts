import { describe, expect, it } from 'vitest';
import { breachCaseText } from '../../../shared/application/carbon/breach-case.ts';
import { buildWorkingCalendar } from '../../../shared/domain/calendar/working-calendar.ts';
import { addWorkingTime } from '../../../shared/domain/calendar/working-time.ts';
import { figuresOf } from '../../../shared/domain/carbon/rollups/emission-series.ts';
import { buildCarbonReport } from '../../../shared/domain/reports/carbon-report.ts';

/**
 * Times inside the words people read — automatic case text, report pages, errors — name the local
 * wall clock (`2026年12月18日 18:00（北京时间）`), never a raw UTC ISO string (issue 14 sweep).
 */

const RAW_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const zone = 'Asia/Shanghai';

describe('times in messages', () => {
  it('the automatic budget-breach case names the alert’s time in local words', () => {
    const text = breachCaseText(
      {
        kind: 'budgetBreach',
        level: 'enterprise',
        targetId: 'ENT-0001',
        period: '2026-12',
        raisedAt: '2026-12-18T10:00:00.000Z',
        message: '超出碳预算',
        value: 52,
        limit: 50,
      },
      { id: 'ENT-0001', name: '青山精密制造', uscc: '91420100MA4KXXXX0X' },
      zone,
    );
    expect(text.description).toContain('超预算告警时间 2026年12月18日 18:00（北京时间）');
    expect(text.description).not.toMatch(RAW_INSTANT);
  });

  it('the carbon report page says when it was generated in local words', () => {
    const { html } = buildCarbonReport({
      kind: 'daily',
      subject: { level: 'city', id: 'city', name: '全区 City' },
      period: '2026-12-17',
      previousPeriod: '2026-12-16',
      lastYearPeriod: '2025-12-17',
      current: figuresOf(undefined),
      previous: figuresOf(undefined),
      lastYear: figuresOf(undefined),
      series: [],
      topEmitters: [],
      completeness: { meters: 0, metersReporting: 0, offlineMeters: [], quarantined: 0 },
      generatedAt: '2026-12-17T16:30:00.000Z',
      timeZone: zone,
    });
    expect(html).toContain('生成时间 Generated: 2026年12月18日 00:30（北京时间）');
    expect(html).not.toMatch(RAW_INSTANT);
  });

  it('a deadline that cannot be counted names its start in local words', () => {
    // More working days than the scan allows (five years): a programming error, read in the logs.
    const calendar = buildWorkingCalendar([], { timeZone: zone });
    const refused = () => addWorkingTime(new Date('2026-12-18T10:00:00.000Z'), 5000, 'workingDays', calendar);
    expect(refused).toThrow(/2026年12月18日 18:00（北京时间）/);
    expect(refused).not.toThrow(RAW_INSTANT);
  });
});
