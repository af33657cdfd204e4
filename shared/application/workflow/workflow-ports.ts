import type { MediaAttachment } from '../../domain/media/media-attachment.ts';
import type { Principal } from '../../domain/roles.ts';
import type { MediaClaim } from '../../ports/workflow-store.ts';

/**
 * What the workflow use cases need besides their store, as functions: small enough to implement in a
 * line in a unit test, and each one implemented by the contexts from the real adapters.
 */

/**
 * Checks that the principal may cite these files (theirs or their department's, completed, attached
 * to nothing: 422 naming each entry otherwise) and answers the claims that attach them with the step.
 */
export type CiteMedia = (
  principal: Principal,
  ids: readonly string[],
  fieldPath: string,
  attachment: MediaAttachment,
) => Promise<MediaClaim[]>;

/** Whether the registry knows a department (dispatch targets, handling units). */
export type DepartmentExists = (departmentId: string) => Promise<boolean>;
