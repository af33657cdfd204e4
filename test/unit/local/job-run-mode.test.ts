import { describe, expect, it } from 'vitest';
import { jobRunMode } from '../../../infra/local/job-run-mode.ts';

/** `npm run job`: nothing is written as of the future; --commit asks to write, never the future. */

const now = new Date('2026-12-06T14:00:00Z'); // Sunday 2026-12-06 22:00 in Shanghai
const mode = (name: string, options: { at?: string; period?: string; commit?: boolean } = {}) =>
  jobRunMode({ name, commit: false, now, timeZone: 'Asia/Shanghai', ...options });

describe('npm run job, for the report jobs', () => {
  it('rebuilds an ended period for real, with or without --commit', () => {
    expect(mode('carbonMonthlyReport', { period: '2026-11' })).toEqual({ dryRun: false });
    expect(mode('performanceWeeklyReport', { period: '2026-W48', commit: true })).toEqual({ dryRun: false });
    expect(mode('carbonDailyReport')).toEqual({ dryRun: false });
  });

  it('makes a period that has not ended, or a future --at, a dry run', () => {
    expect(mode('carbonMonthlyReport', { period: '2026-12' })).toEqual({ dryRun: true });
    expect(mode('carbonDailyReport', { period: '2026-12-06' })).toEqual({ dryRun: true });
    expect(mode('performanceWeeklyReport', { at: '2026-12-20T00:00:00Z' })).toEqual({ dryRun: true });
  });

  it('refuses --commit for them, saying how to preview', () => {
    const refused = mode('performanceMonthlyReport', { period: '2026-12', commit: true });
    expect(refused).toEqual({
      refusal: expect.stringMatching(/^报告期 2026-12 尚未结束.*去掉 --commit 可演练/),
    });
  });

  it('names a period of the wrong kind in Chinese', () => {
    expect(mode('performanceWeeklyReport', { period: '2026-12' })).toEqual({
      refusal: expect.stringMatching(/^报告期 2026-12 不是ISO 周/),
    });
  });
});

describe('npm run job, for escalation and the rest', () => {
  it('keeps escalation’s rule: --at is a dry run unless --commit, never committed in the future', () => {
    expect(mode('escalateOverdue')).toEqual({ dryRun: false });
    expect(mode('escalateOverdue', { at: '2026-12-01T00:00:00Z' })).toEqual({ dryRun: true });
    expect(mode('escalateOverdue', { at: '2026-12-01T00:00:00Z', commit: true })).toEqual({ dryRun: false });
    expect(mode('escalateOverdue', { at: '2027-01-01T00:00:00Z', commit: true })).toEqual({
      refusal: expect.stringMatching(/^不能按将来的时刻 2027年1月1日 08:00（北京时间） 写入督办升级/),
    });
  });

  it('takes --commit only where it means something', () => {
    expect(mode('anomalyScan', { commit: true })).toEqual({
      refusal: expect.stringMatching(/^--commit 只用于/),
    });
    expect(mode('escalateOverdue', { at: 'soon' })).toEqual({
      refusal: expect.stringMatching(/不是有效的时刻/),
    });
  });
});
