import { type AttachPurpose, requireAttachable } from '../../shared/domain/media/media-access.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { mediaCatalog } from '../media/media-context.ts';

const catalog = mediaCatalog();

/**
 * A case may reference only files that were completed (checked by their bytes): the reporter's own
 * for the report, staff uploads for rectification evidence. 422 names each offending entry.
 */
export const requireCaseMedia = async (
  principal: Principal,
  ids: readonly string[],
  purpose: AttachPurpose,
  fieldPath: string,
): Promise<void> => {
  if (ids.length === 0) return;
  requireAttachable(principal, ids, await catalog.getMany(ids), purpose, fieldPath);
};
