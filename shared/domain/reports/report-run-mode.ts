import { isoWeekRange } from '../calendar/iso-week.ts';
import { addDays, localTimeToInstant } from '../calendar/local-date.ts';
import { formatLocalDateTime } from '../calendar/local-time-text.ts';
import { formatLocalDateTimeEn } from '../calendar/local-time-text-en.ts';
import { UnprocessableError, ValidationError } from '../errors.ts';
import { isFutureInstant } from '../workflow/escalation-run-mode.ts';

/**
 * When a report run may write (README "Scheduled jobs by hand"), judged as escalation's runs are
 * (escalation-run-mode.ts): a report is a record of a period that has ended, made at an instant
 * that has come. A run for a period that has not ended yet, or as of a future instant, would be a
 * future-dated report that stays "the report" of its period until the real one replaces it — so it
 * is a dry run (built, shown, not written) or, when asked to write, refused.
 */

export type ReportPeriodKind = 'day' | 'week' | 'month';

/** The report jobs and the periods they report. */
export const REPORT_JOB_PERIODS: Readonly<Record<string, ReportPeriodKind>> = {
  carbonDailyReport: 'day',
  carbonMonthlyReport: 'month',
  performanceWeeklyReport: 'week',
  performanceMonthlyReport: 'month',
};

const KIND_TEXT = {
  day: { zh: '日期（如 2026-11-28）', en: 'a date like 2026-11-28' },
  week: { zh: 'ISO 周（如 2026-W48）', en: 'an ISO week like 2026-W48' },
  month: { zh: '月份（如 2026-11）', en: 'a month like 2026-11' },
} as const;

/** The period a label names for a job of this kind; a date names its month for a monthly job. */
export const reportPeriodOf = (kind: ReportPeriodKind, label: string): string => {
  if (kind === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(label)) return label;
  if (kind === 'week' && /^\d{4}-W\d{2}$/.test(label)) return label;
  if (kind === 'month' && /^\d{4}-\d{2}(-\d{2})?$/.test(label)) return label.slice(0, 7);
  const text = KIND_TEXT[kind];
  const message = `报告期 ${label} 不是${text.zh} (period ${label} is not ${text.en})`;
  throw new ValidationError(message, [{ path: '/period', message }]);
};

/** The instant a period ends: the local midnight after its last day. */
export const periodEndsAt = (kind: ReportPeriodKind, period: string, timeZone: string): Date => {
  if (kind === 'day') return localTimeToInstant(addDays(period, 1), 0, timeZone);
  if (kind === 'week') return localTimeToInstant(isoWeekRange(period).next, 0, timeZone);
  const [year, month] = period.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return localTimeToInstant(next, 0, timeZone);
};

/** The refusal of a report judged at a future instant, or undefined when `at` has come. */
export const futureInstantRefusal = (
  at: Date,
  now: Date,
  timeZone: string,
): UnprocessableError | undefined =>
  isFutureInstant(at, now)
    ? new UnprocessableError(
        `不能按将来的时刻 ${formatLocalDateTime(at, timeZone)} 生成报表：将来的时刻只能演练，不写任何记录 ` +
          `(reports cannot be written as of a future instant, ${formatLocalDateTimeEn(at, timeZone)}; ` +
          'judging a future instant is a dry run only)',
      )
    : undefined;

/** Why a run for `period` judged at `scheduledTime` may not be written at `now`; undefined if it may. */
export const futureReportRefusal = (input: {
  kind: ReportPeriodKind;
  period: string;
  scheduledTime: Date;
  now: Date;
  timeZone: string;
}): UnprocessableError | undefined => {
  const { kind, period, scheduledTime, now, timeZone } = input;
  const future = futureInstantRefusal(scheduledTime, now, timeZone);
  if (future) return future;
  // No tolerance here: a scheduled run reports a period that ended at least half an hour before.
  const end = periodEndsAt(kind, period, timeZone);
  if (end.getTime() <= now.getTime()) return undefined;
  return new UnprocessableError(
    `报告期 ${period} 尚未结束（${formatLocalDateTime(end, timeZone)}结束），不能生成正式报表：未结束的报告期只能演练，不写任何记录 ` +
      `(the period ${period} has not ended (it ends ${formatLocalDateTimeEn(end, timeZone)}); ` +
      'a report of an unfinished period is a dry run only)',
  );
};

/** What a dry run built, one line per report, as people read it. */
export const reportDryRunLines = (
  period: string,
  entries: readonly { title: string; headline: Record<string, number | string | null> }[],
): string[] => [
  `演练：已生成报告期 ${period} 的 ${entries.length} 份报表预览，未写入任何记录 (dry run, nothing written)`,
  ...entries.map(
    (entry) =>
      `${entry.title}：${Object.entries(entry.headline)
        .map(([name, value]) => `${name} ${value ?? '—'}`)
        .join('，')}`,
  ),
];
