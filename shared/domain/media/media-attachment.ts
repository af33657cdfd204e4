import { type FieldError, UnprocessableError } from '../errors.ts';
import type { Principal } from '../roles.ts';
import type { MediaRecord } from './media-record.ts';

export type { MediaAttachment, MediaHolderKind, MediaPart } from './media-attachment-types.ts';
export { MEDIA_HOLDER_KINDS, MEDIA_PARTS } from './media-attachment-types.ts';

/**
 * Why `principal` may not cite this file now, or undefined when they may. A file is cited by its
 * uploader, or by a member of the uploader's department (a colleague took the photo); it must be a
 * completed upload and attached to nothing yet. Someone else's file reads as not found, so ids
 * cannot be probed.
 */
export const citationRefusal = (
  principal: Principal,
  record: MediaRecord | undefined,
): string | undefined => {
  if (record === undefined || !mayCite(principal, record)) return `媒体文件不存在 (media not found)`;
  if (record.status === 'rejected') {
    return `文件已被拒收 (rejected: ${record.rejectionReason ?? 'bad content'})`;
  }
  if (record.status !== 'ready') return '上传尚未完成 (not ready: upload not completed)';
  if (record.attachedTo !== undefined) return ALREADY_ATTACHED;
  return undefined;
};

/** Also the refusal of a claim lost in a race, so both answers read alike. */
export const ALREADY_ATTACHED = '已被其他记录引用 (already attached to another record)';

const mayCite = (principal: Principal, record: MediaRecord): boolean =>
  record.ownerId === principal.userId ||
  (record.ownerDepartmentId !== undefined && record.ownerDepartmentId === principal.departmentId);

/**
 * 422 naming every offending entry (`/body/mediaIds/1`), a file listed twice included (one record
 * cites a file once). `fieldPath` is the list's path, e.g. `/body/payload/mediaIds`.
 */
export const requireCitable = (
  principal: Principal,
  ids: readonly string[],
  records: ReadonlyMap<string, MediaRecord>,
  fieldPath: string,
): void => {
  const errors: FieldError[] = [];
  ids.forEach((id, index) => {
    const reason =
      ids.indexOf(id) < index ? '重复列出 (listed twice)' : citationRefusal(principal, records.get(id));
    if (reason) errors.push(citationError(fieldPath, index, id, reason));
  });
  if (errors.length > 0) throw citationRefused(errors);
};

/** One refused entry, as reported in the problem document. */
export const citationError = (fieldPath: string, index: number, id: string, reason: string): FieldError => ({
  path: `${fieldPath}/${index}`,
  message: `媒体文件 ${id} ${reason}`,
});

/** The 422 for refused entries; its detail names the first one as people read a field (`mediaIds[1]`). */
export const citationRefused = (errors: readonly FieldError[]): UnprocessableError => {
  const first = errors[0];
  const field = (first?.path ?? '')
    .replace(/^\/body\//, '')
    .replace(/\/(\d+)/g, '[$1]')
    .replaceAll('/', '.');
  return new UnprocessableError(`附件不可用 (${field}: ${first?.message ?? ''})`, [...errors]);
};

/** How a citation lost in a race is reported: as if the file had been found attached. */
export const lostCitation = (fieldPath: string, index: number, id: string) => {
  const field = citationError(fieldPath, index, id, ALREADY_ATTACHED);
  return { field, detail: citationRefused([field]).message };
};
