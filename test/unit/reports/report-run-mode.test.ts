import { describe, expect, it } from 'vitest';
import { UnprocessableError, ValidationError } from '../../../shared/domain/errors.ts';
import {
  futureReportRefusal,
  periodEndsAt,
  REPORT_JOB_PERIODS,
  reportPeriodOf,
} from '../../../shared/domain/reports/report-run-mode.ts';

/**
 * A report is written only for a period that has ended, judged at an instant that has come (issue 14
 * sweep, like escalation's "never the future"): anything else is a dry run or refused.
 */

const zone = 'Asia/Shanghai';
const now = new Date('2026-12-06T14:00:00Z'); // Sunday 2026-12-06 22:00 in Shanghai

describe('the end of a report period', () => {
  it('is the local midnight after its last day', () => {
    expect(periodEndsAt('day', '2026-12-06', zone).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(periodEndsAt('month', '2026-12', zone).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    // ISO week 49 of 2026: Monday 11-30 to Sunday 12-06.
    expect(periodEndsAt('week', '2026-W49', zone).toISOString()).toBe('2026-12-06T16:00:00.000Z');
  });
});

describe('the period a report job is asked for', () => {
  it('reads a date as its month for a monthly job, and refuses a label of the wrong kind in Chinese', () => {
    expect(REPORT_JOB_PERIODS.carbonMonthlyReport).toBe('month');
    expect(reportPeriodOf('month', '2026-11-28')).toBe('2026-11');
    expect(reportPeriodOf('week', '2026-W48')).toBe('2026-W48');
    expect(() => reportPeriodOf('day', '2026-11')).toThrow(ValidationError);
    expect(() => reportPeriodOf('day', '2026-11')).toThrow(/^报告期 2026-11 不是日期/);
  });
});

describe('a report run beyond now', () => {
  const judge = (period: string, kind: 'day' | 'week' | 'month', scheduledTime = now) =>
    futureReportRefusal({ kind, period, scheduledTime, now, timeZone: zone });

  it('is refused for a period that has not ended, naming its end in local words', () => {
    const refusal = judge('2026-12', 'month');
    expect(refusal).toBeInstanceOf(UnprocessableError);
    expect(refusal?.message).toMatch(/^报告期 2026-12 尚未结束（2027年1月1日 00:00（北京时间）结束）/);
    expect(judge('2026-12-06', 'day')?.message).toMatch(/^报告期 2026-12-06 尚未结束/);
    expect(judge('2026-W49', 'week')).toBeDefined();
  });

  it('is refused at a future instant, even for an ended period', () => {
    const refusal = judge('2026-11', 'month', new Date('2026-12-20T00:00:00Z'));
    expect(refusal?.message).toMatch(/^不能按将来的时刻 2026年12月20日 08:00（北京时间） 生成报表/);
  });

  it('is allowed for an ended period judged now, or a moment ahead as the scheduler fires', () => {
    expect(judge('2026-11', 'month')).toBeUndefined();
    expect(judge('2026-12-05', 'day')).toBeUndefined();
    expect(judge('2026-W48', 'week', new Date(now.getTime() + 60_000))).toBeUndefined();
  });
});
