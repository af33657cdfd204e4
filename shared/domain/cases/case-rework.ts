import { computeDeadline, provisionalFields } from '../calendar/provisional-deadline.ts';
import { type FieldError, UnprocessableError } from '../errors.ts';
import { restartEscalation } from '../workflow/escalation-restart.ts';
import { findCaseCategory, type WorkingTimeLimit } from './case-categories.ts';
import type { CaseEnv } from './case-env.ts';
import type { CaseRecord, PreviousRectification } from './case-record.ts';

/**
 * Rework (退回返工, docs/workflow-rules.md "Rework"): the send-back gives the department a deadline of
 * its own — the rework period counted from the send-back — instead of leaving it with the old one
 * (often already passed, so every rework would be born overdue) or a date that says nothing. The
 * evidence it sent becomes a previous rectification, kept on the record, and the next
 * rectification must cite evidence this case has not seen before.
 */

/** Used when neither the deployment nor the category says otherwise. */
export const DEFAULT_REWORK_PERIOD: WorkingTimeLimit = { amount: 5, unit: 'workingDays' };

/** The configured period (QS_REWORK_WORKING_DAYS), else the category's own handling period. */
export const reworkPeriodOf = (record: CaseRecord, env: CaseEnv): WorkingTimeLimit =>
  env.reworkPeriod ?? findCaseCategory(record.categoryId)?.sla ?? DEFAULT_REWORK_PERIOD;

/** What a send-back at `at` changes, and what its timeline entry records. */
export const sendBackChanges = (record: CaseRecord, reason: string, at: Date, env: CaseEnv) => {
  const reworkPeriod = reworkPeriodOf(record, env);
  // Counted like every working-time deadline: provisional past the loaded calendar years.
  const computed = computeDeadline(at, reworkPeriod.amount, reworkPeriod.unit, env.calendar);
  const deadline = computed.deadline.toISOString();
  const previous: PreviousRectification = {
    mediaIds: record.rectificationMediaIds,
    ...(record.rectifiedAt === undefined ? {} : { rectifiedAt: record.rectifiedAt }),
    ...(record.departmentCompletedAt === undefined
      ? {}
      : { departmentCompletedAt: record.departmentCompletedAt }),
    ...(record.departmentOnTime === undefined ? {} : { departmentOnTime: record.departmentOnTime }),
    ...(record.deadline === undefined ? {} : { deadline: record.deadline }),
    sentBackAt: at.toISOString(),
    reason,
  };
  const reworkCount = record.reworkCount + 1;
  return {
    changes: {
      reworkCount,
      deadline,
      ...provisionalFields(computed),
      previousRectifications: [...(record.previousRectifications ?? []), previous],
      rectificationMediaIds: [],
      rectifiedAt: undefined,
      departmentCompletedAt: undefined,
      departmentOnTime: undefined,
      // The new deadline is escalated afresh; the levels reached before stay on the timeline.
      ...restartEscalation(),
    } satisfies Partial<CaseRecord>,
    details: { reworkCount, previousDeadline: record.deadline, deadline, reworkPeriod },
  };
};

/** Where a rectification's evidence is named in a problem document. */
const EVIDENCE_PATH = '/body/payload/mediaIds';

/** Every media id this case has cited: the report's, and every rectification's so far. */
const citedOnCase = (record: CaseRecord): Set<string> =>
  new Set([
    ...record.mediaIds,
    ...record.rectificationMediaIds,
    ...(record.previousRectifications ?? []).flatMap((previous) => previous.mediaIds),
  ]);

/** 422 naming each entry of the evidence that this case has cited before. */
export const checkNewEvidence = (record: CaseRecord, mediaIds: readonly string[]) => {
  const cited = citedOnCase(record);
  const errors: FieldError[] = mediaIds.flatMap((id, index) =>
    cited.has(id)
      ? [
          {
            path: `${EVIDENCE_PATH}/${index}`,
            message: `${id} 已在本案件中使用过 (already cited on this case)`,
          },
        ]
      : [],
  );
  if (errors.length === 0) return undefined;
  return new UnprocessableError(
    '整改证据须为本案件此前未使用过的照片或视频 (rectification evidence must be photos or video not cited before on this case)',
    errors,
  );
};
