import { formatLocalDateTime } from '../calendar/local-time-text.ts';
import { formatLocalDateTimeEn } from '../calendar/local-time-text-en.ts';
import { UnprocessableError } from '../errors.ts';
import { type EscalationLevel, escalationLabel } from './escalation.ts';
import type { EscalationPassResult } from './escalation-job.ts';

/**
 * When an escalation run may write (docs/workflow-rules.md, "Escalation runs"). Escalation steps are
 * permanent timeline entries, so a run judged at an instant other than now is a dry run unless the
 * caller commits it, and no run writes as of a future instant: a future-dated escalation would be a
 * record of something that has not happened, and its report would stay "the latest" until then.
 */

/** The scheduler's fire time may lead the function's clock by a little; more than this is the future. */
export const FUTURE_TOLERANCE_MS = 2 * 60_000;

export const isFutureInstant = (at: Date, now: Date): boolean =>
  at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS;

/** The refusal of a committed run at a future instant. */
export const futureEscalationRefusal = (at: Date, timeZone: string) =>
  new UnprocessableError(
    `不能按将来的时刻 ${formatLocalDateTime(at, timeZone)} 写入督办升级：将来的时刻只能演练，不写任何记录 ` +
      `(escalations cannot be written as of a future instant, ${formatLocalDateTimeEn(at, timeZone)}; ` +
      'judging a future instant is a dry run only)',
  );

const levelsText = (levels: readonly EscalationLevel[]) =>
  levels
    .filter((level): level is 1 | 2 | 3 => level !== 0)
    .map((level) => escalationLabel(level).zh)
    .join('、');

const SUBJECT = { case: '案件', suggestion: '建议' } as const;

/** What a dry run would have recorded, one line per record, as people read it. */
export const dryRunLines = (pass: EscalationPassResult, at: Date, timeZone: string): string[] => {
  const raised = pass.escalated.filter((item) => item.raisedNow.length > 0);
  const head = `演练：按 ${formatLocalDateTime(at, timeZone)} 判断，检查 ${pass.checked} 件，将升级 ${raised.length} 件，未写入任何记录 (dry run, nothing written)`;
  return [
    head,
    ...raised.map(
      (item) =>
        `${SUBJECT[item.subject]} ${item.id}「${item.title}」期限 ${formatLocalDateTime(item.deadline, timeZone)}` +
        `${item.provisional ? '（暂定期限，工作日历尚未载入）' : ''}` +
        `${item.overdue ? '（已超期）' : '（临近期限）'}，将升级至${levelsText(item.raisedNow)}`,
    ),
  ];
};
