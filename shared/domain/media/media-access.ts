import { CASE_OVERSEERS, canViewCase, caseRelationsOf, DEPARTMENT_STAFF } from '../cases/case-permissions.ts';
import type { CaseRecord } from '../cases/case-record.ts';
import { hasAnyRole, type Principal } from '../roles.ts';
import {
  canViewSuggestion,
  SUGGESTION_OVERSEERS,
  suggestionRelationsOf,
  UNIT_STAFF,
} from '../suggestions/suggestion-permissions.ts';
import type { SuggestionRecord } from '../suggestions/suggestion-record.ts';
import type { Relation } from '../workflow/permissions.ts';
import type { MediaRecord } from './media-record.ts';

/**
 * The record a file is attached to, as read for the caller. A split suggestion comes with its parts:
 * the filing's attachments stay on the parent, and the units handling the parts need them.
 */
export type MediaHolder =
  | { kind: 'case'; record: CaseRecord }
  | { kind: 'suggestion'; record: SuggestionRecord; parts: readonly SuggestionRecord[] };

/**
 * What a caller may read of a file: `original` (with its location: GPS, ISO 6709), the `public`
 * location-free copy, or nothing (the API answers 404, so ids cannot be probed).
 */
export type MediaReadRight = 'original' | 'public' | 'none';

/**
 * The uploader reads everything of their own file. Anyone else reads through the record the file is
 * attached to: whoever may read that record reads the public copy; the staff whose work needs the
 * place — the department the record is assigned to (lead or co), supervisors and admins — read the
 * original. Deputies other than the uploader never get the original. A file attached to nothing is
 * its uploader's alone.
 */
export const mediaReadRight = (
  principal: Principal,
  media: MediaRecord,
  holder: MediaHolder | undefined,
): MediaReadRight => {
  if (media.ownerId === principal.userId) return 'original';
  if (media.attachedTo === undefined || holder === undefined) return 'none';
  if (holder.kind !== media.attachedTo.kind || holder.record.id !== media.attachedTo.id) return 'none';
  return holder.kind === 'case' ? caseRight(principal, holder.record) : suggestionRight(principal, holder);
};

const ASSIGNED: readonly Relation[] = ['leadDepartment', 'coDepartment'];

const caseRight = (principal: Principal, record: CaseRecord): MediaReadRight => {
  if (!canViewCase(principal, record)) return 'none';
  if (hasAnyRole(principal, CASE_OVERSEERS)) return 'original';
  const relations = caseRelationsOf(principal, record);
  const assigned = ASSIGNED.some((relation) => relations.has(relation));
  return assigned && hasAnyRole(principal, DEPARTMENT_STAFF) ? 'original' : 'public';
};

const suggestionRight = (
  principal: Principal,
  holder: Extract<MediaHolder, { kind: 'suggestion' }>,
): MediaReadRight => {
  const records = [holder.record, ...holder.parts];
  if (!records.some((record) => canViewSuggestion(principal, record))) return 'none';
  if (hasAnyRole(principal, SUGGESTION_OVERSEERS)) return 'original';
  const assigned = records.some((record) => {
    const relations = suggestionRelationsOf(principal, record);
    return ASSIGNED.some((relation) => relations.has(relation));
  });
  return assigned && hasAnyRole(principal, UNIT_STAFF) ? 'original' : 'public';
};
