import {
  lostCitation,
  type MediaAttachment,
  requireCitable,
} from '../../shared/domain/media/media-attachment.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import type { MediaClaim } from '../../shared/ports/workflow-store.ts';
import { mediaCatalog } from './media-context.ts';

const catalog = mediaCatalog();

/**
 * Checks that the principal may cite these files (theirs or their department's, completed, attached
 * to nothing: 422 naming each entry otherwise) and returns the claims that attach them to the record,
 * for the transaction that writes the record's step. `fieldPath` is the list's path in the request.
 */
export const citeMedia = async (
  principal: Principal,
  ids: readonly string[],
  fieldPath: string,
  attachment: MediaAttachment,
): Promise<MediaClaim[]> => {
  if (ids.length === 0) return [];
  requireCitable(principal, ids, await catalog.getMany(ids), fieldPath);
  return ids.map((id, index) => catalog.attachClaim(id, attachment, lostCitation(fieldPath, index, id)));
};
