import { UnprocessableError } from '../errors.ts';
import { hasAnyRole, type Principal } from '../roles.ts';
import { CASE_OVERSEERS } from './case-permissions.ts';
import type { CaseRecord, CaseTimelineEntry } from './case-record.ts';

/**
 * Duplicates (重复案件). A case marked as a duplicate must name a case that exists and is not itself
 * a duplicate (then the marking names that case's original instead), and the original gets the link
 * back: its `duplicateIds` grow by one in the same transaction as the marking, with a timeline
 * entry of its own, so from either case the other is found. The candidates found at submission
 * (open cases of the category within 50 m) are kept on the case and shown to the staff who accept
 * cases — the ones who decide whether it is a duplicate.
 */

/** The field the original is named by, in problem documents. */
export const DUPLICATE_OF_PATH = '/body/payload/duplicateOf';

/** 422 unless `original` (read by the id the marking names) can be an original. */
export function checkDuplicateOriginal(
  id: string,
  original: CaseRecord | undefined,
): asserts original is CaseRecord {
  if (original === undefined) {
    throw new UnprocessableError(
      `被标记为重复的原案件 ${id} 不存在 (case ${id}, named as the original, does not exist)`,
      [{ path: DUPLICATE_OF_PATH, message: `案件 ${id} 不存在 (no case ${id})` }],
    );
  }
  if (original.state === 'duplicate' && original.duplicateOf !== undefined) {
    const root = original.duplicateOf;
    throw new UnprocessableError(
      `案件 ${id} 本身是 ${root} 的重复案件，请标记为 ${root} 的重复 (case ${id} is itself a duplicate of ${root}; name ${root})`,
      [{ path: DUPLICATE_OF_PATH, message: `应为 ${root} (use ${root})` }],
    );
  }
}

/** The original after one more duplicate was marked against it, and the step's entry on its timeline. */
export const linkDuplicate = (
  original: CaseRecord,
  marking: CaseTimelineEntry,
  duplicateId: string,
): { record: CaseRecord; entry: CaseTimelineEntry } => {
  const version = original.version + 1;
  const duplicateIds = [...(original.duplicateIds ?? []).filter((id) => id !== duplicateId), duplicateId];
  return {
    record: { ...original, duplicateIds, version },
    entry: {
      seq: version,
      at: marking.at,
      actorId: marking.actorId,
      actorRole: marking.actorRole,
      action: 'linkDuplicate',
      from: original.state,
      to: original.state,
      note: `案件 ${duplicateId} 被标记为本案件的重复 (case ${duplicateId} was marked as a duplicate of this one)`,
      mediaIds: [],
      details: { duplicateId },
    },
  };
};

/** Who sees the stored candidates: those who may accept, reject or mark a case as a duplicate. */
export const seesPossibleDuplicates = (principal: Principal): boolean =>
  hasAnyRole(principal, CASE_OVERSEERS);
