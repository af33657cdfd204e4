import * as z from 'zod';
import { WORKING_TIME_UNITS } from '../calendar/working-time.ts';
import { lazily } from '../lazily.ts';
import { CASE_CATEGORY_IDS } from './case-categories.ts';
import { CASE_RATINGS } from './case-record.ts';

/**
 * One zod schema per case action payload. The HTTP contract (shared/contracts) can reuse them; the
 * workflow validates with them again, so a payload can never bypass its checks. Both sets are built
 * on first use (`lazily`): every workflow function reaches the transition tables, and most of them
 * (lists, reads, the escalation and report jobs) never parse a payload (docs/performance.md, "Cold
 * start").
 */

const text = (max: number) => z.string().trim().max(max);
const identifier = () => z.string().trim().min(1).max(200);

export const submitCasePayloadSchema = lazily(() =>
  z.object({
    categoryId: z.enum(CASE_CATEGORY_IDS),
    title: text(200).min(1),
    description: text(5000).min(1),
    location: z
      .object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        address: text(500),
      })
      .partial({ address: true })
      .optional(),
    mediaIds: z.array(identifier()).max(20).default([]),
    isPublic: z.boolean().default(false),
    /** Other deputies reading a public case see the reporter's display name only when this is true. */
    showReporterName: z.boolean().default(false),
  }),
);
export type SubmitCasePayload = z.infer<ReturnType<typeof submitCasePayloadSchema>>;

const buildCasePayloads = () => {
  const note = text(2000).optional();
  const reason = text(2000).min(1, '请填写理由 (a reason is required)');
  const id = identifier();
  const requestExtension = z
    .object({ reason, amount: z.number().positive().max(60), unit: z.enum(WORKING_TIME_UNITS) })
    .refine((value) => value.unit !== 'workingDays' || Number.isInteger(value.amount), {
      path: ['amount'],
      message: '工作日须为整数 (working days must be a whole number)',
    });
  return {
    accept: z.object({ note }),
    reject: z.object({ reason }),
    markDuplicate: z.object({ duplicateOf: id, note }),
    dispatch: z.object({ leadDepartmentId: id, coDepartmentIds: z.array(id).max(10).default([]), note }),
    returnToDispatcher: z.object({ reason }),
    signFor: z.object({ note }),
    requestExtension,
    approveExtension: z.object({ note }),
    rejectExtension: z.object({ reason }),
    submitRectification: z.object({
      mediaIds: z
        .array(id)
        .min(
          1,
          '至少需要一张整改照片或一段视频 (at least one photo or video of the rectification is required)',
        )
        .max(20),
      note,
    }),
    headSignOff: z.object({ note }),
    verify: z.object({ note }),
    sendBackForRework: z.object({ reason }),
    rate: z.object({ rating: z.enum(CASE_RATINGS), comment: text(2000).optional() }),
    suspend: z.object({ reason, nextReviewDate: z.iso.date() }),
    resume: z.object({ note }),
  } as const;
};

/** The transition tables' payload schemas, by action: a rule reads its own as `() => P().signFor`. */
export const casePayloads = lazily(buildCasePayloads);
