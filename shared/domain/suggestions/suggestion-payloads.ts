import * as z from 'zod';
import { lazily } from '../lazily.ts';
import {
  CONVERSION_TARGETS,
  REPLY_CLASSES,
  SUGGESTION_CATEGORIES,
  SUGGESTION_RATINGS,
} from './suggestion-vocabulary.ts';

/**
 * One zod schema per suggestion action payload. The HTTP contract can reuse them; the workflow
 * validates with them again, so a payload can never bypass its checks. Both sets are built on first
 * use (`lazily`), as the cases' are (case-payloads.ts): most functions that reach the transition
 * tables never parse a payload.
 */

const text = (max: number) => z.string().trim().max(max);
const identifier = () => z.string().trim().min(1).max(200);
const mediaIdList = (id: z.ZodString) => z.array(id).max(20).default([]);

export const submitSuggestionPayloadSchema = lazily(() => {
  const id = identifier();
  return z.object({
    title: text(200).min(1),
    body: text(20000).min(1),
    category: z.enum(SUGGESTION_CATEGORIES),
    attachments: mediaIdList(id),
    coSignerIds: z.array(id).max(50).default([]),
  });
});
export type SubmitSuggestionPayload = z.infer<ReturnType<typeof submitSuggestionPayloadSchema>>;

const buildSuggestionPayloads = () => {
  const note = text(2000).optional();
  const reason = text(2000).min(1, '请填写理由 (a reason is required)');
  const id = identifier();
  const mediaIds = mediaIdList(id);
  return {
    accept: z.object({ note }),
    convert: z.object({ to: z.enum(CONVERSION_TARGETS), reason }),
    assign: z.object({ leadUnitId: id, coUnitIds: z.array(id).max(10).default([]), note }),
    /** 分别交办: 2–5 units each handle and reply for their own part (each may have co-handling units). */
    assignSeparately: z.object({
      parts: z
        .array(z.object({ leadUnitId: id, coUnitIds: z.array(id).max(10).default([]) }))
        .min(2)
        .max(5),
      note,
    }),
    setKeySupervision: z.object({ leaderName: text(100).min(1), note }),
    submitCoOpinion: z.object({ text: text(10000).min(1), mediaIds }),
    requestHandBack: z.object({ reason }),
    approveHandBack: z.object({ note }),
    rejectHandBack: z.object({ reason }),
    requestExtension: z.object({ replyDue: z.iso.date(), reason }),
    /** `replyDue` lets the supervisor grant an earlier date than the one asked for. */
    approveExtension: z.object({ replyDue: z.iso.date().optional(), note }),
    rejectExtension: z.object({ reason }),
    /** `proceedWithoutCoOpinion`: reply although a co-unit's opinion is still due, saying why. */
    reply: z.object({
      class: z.enum(REPLY_CLASSES),
      text: text(20000).min(1),
      mediaIds,
      proceedWithoutCoOpinion: z.object({ reason }).optional(),
    }),
    rate: z.object({ rating: z.enum(SUGGESTION_RATINGS), comment: text(2000).optional() }),
    followUp: z.object({ text: text(10000).min(1), mediaIds }),
    markSolved: z.object({ text: text(10000).min(1), mediaIds }),
  } as const;
};

/** The transition tables' payload schemas, by action: a rule reads its own as `() => P().reply`. */
export const suggestionPayloads = lazily(buildSuggestionPayloads);
