import { type FieldError, UnprocessableError } from '../errors.ts';
import { hasAnyRole, type Principal, type Role } from '../roles.ts';
import type { MediaRecord } from './media-record.ts';

/**
 * Who may read a file. The rule the issue asks for is "the owner and anyone who may see a case or
 * suggestion that references it"; until media carry back-references to their cases, that is
 * approximated by the owner plus staff (handler, head, supervisor, admin), who handle every case.
 * Deputies therefore read only their own files. Anyone else gets 404, as for cases.
 */
export const MEDIA_STAFF: readonly Role[] = ['handler', 'head', 'supervisor', 'admin'];

export const canReadMedia = (principal: Principal, record: MediaRecord): boolean =>
  record.ownerId === principal.userId || hasAnyRole(principal, MEDIA_STAFF);

/**
 * The original keeps its location metadata: only the owner and staff. The same people as
 * `canReadMedia` today; the two part ways once deputies may read media of public cases.
 */
export const canReadOriginal = (principal: Principal, record: MediaRecord): boolean =>
  canReadMedia(principal, record);

/**
 * `report`: a case's own photos must be the reporter's own ready uploads. `evidence`:
 * rectification evidence may be any staff member's ready upload (a colleague may have taken it),
 * or the actor's own.
 */
export type AttachPurpose = 'report' | 'evidence';

const refusal = (
  principal: Principal,
  record: MediaRecord | undefined,
  purpose: AttachPurpose,
): string | undefined => {
  if (record === undefined) return 'not found';
  const own = record.ownerId === principal.userId;
  const staffOwned = hasAnyRole({ ...principal, roles: record.ownerRoles }, MEDIA_STAFF);
  if (!own && !(purpose === 'evidence' && staffOwned)) return 'not found';
  if (record.status === 'rejected') return `rejected: ${record.rejectionReason ?? 'bad content'}`;
  if (record.status !== 'ready') return 'not ready (upload not completed)';
  return undefined;
};

/**
 * Throws 422 naming every offending entry (`/mediaIds/1: not ready …`). Someone else's file is
 * reported as not found, so ids cannot be probed.
 */
export const requireAttachable = (
  principal: Principal,
  ids: readonly string[],
  records: ReadonlyMap<string, MediaRecord>,
  purpose: AttachPurpose,
  fieldPath: string,
): void => {
  const errors: FieldError[] = [];
  ids.forEach((id, index) => {
    const reason = refusal(principal, records.get(id), purpose);
    if (reason) errors.push({ path: `${fieldPath}/${index}`, message: `media ${id} ${reason}` });
  });
  const first = errors[0];
  if (first !== undefined) {
    const field = first.path
      .slice(1)
      .replace(/\/(\d+)/g, '[$1]')
      .replaceAll('/', '.');
    throw new UnprocessableError(`附件不可用 (${field}: ${first.message})`, errors);
  }
};
