import { ForbiddenError, ValidationError } from '../errors.ts';
import type { Principal, Role } from '../roles.ts';
import { toFieldErrors } from '../workflow/apply-transition.ts';
import { submitSuggestionPayloadSchema } from './suggestion-payloads.ts';
import type { SuggestionRecord, SuggestionTimelineEntry } from './suggestion-record.ts';

/** Only deputies file suggestions (代表建议 are a deputy's right under the 代表法). */
const FILERS: readonly Role[] = ['deputy'];

export interface SubmitSuggestionRequest {
  /** Chosen by the caller (e.g. a ULID), so a retried request can be made idempotent. */
  id: string;
  principal: Principal;
  payload: unknown;
  at: Date;
}

/**
 * Creates a suggestion in state `submitted` (version 1) with the first timeline entry. Co-signers are
 * deputy user ids; that they are registered deputies is the caller's to check against the deputy
 * directory (shared/ports/deputy-directory.ts), as is that the attachments are the filer's media.
 */
export const submitSuggestion = ({ id, principal, payload, at }: SubmitSuggestionRequest) => {
  const actorRole = principal.roles.find((role) => FILERS.includes(role));
  if (!actorRole) throw new ForbiddenError('只有人大代表可以提出建议 (only deputies can file suggestions)');
  const parsed = submitSuggestionPayloadSchema().safeParse(payload ?? {});
  if (!parsed.success) {
    throw new ValidationError('建议数据无效 (invalid suggestion)', toFieldErrors(parsed.error));
  }
  const input = parsed.data;
  if (input.coSignerIds.includes(principal.userId)) {
    throw new ValidationError(
      '提出建议的代表不能附议自己的建议 (the filer cannot co-sign their own suggestion)',
      [{ path: '/coSignerIds', message: '包含提出建议的代表 (contains the filer)' }],
    );
  }
  if (new Set(input.coSignerIds).size !== input.coSignerIds.length) {
    throw new ValidationError('附议代表重复列出 (a co-signer is listed twice)', [
      { path: '/coSignerIds', message: '重复 (duplicate)' },
    ]);
  }
  const record: SuggestionRecord = {
    id,
    version: 1,
    state: 'submitted',
    filerId: principal.userId,
    coSignerIds: input.coSignerIds,
    title: input.title,
    body: input.body,
    category: input.category,
    attachments: input.attachments,
    submittedAt: at.toISOString(),
    coOpinions: [],
    replies: [],
    ratings: [],
    followUps: [],
    rehandlingCount: 0,
  };
  const entry: SuggestionTimelineEntry = {
    seq: 1,
    at: record.submittedAt,
    actorId: principal.userId,
    actorRole,
    action: 'submit',
    from: null,
    to: 'submitted',
    mediaIds: input.attachments,
    details: { category: input.category, coSignerIds: input.coSignerIds },
  };
  return { record, entry };
};
