import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Principal } from '../roles.ts';
import { canReadMedia, canReadOriginal } from './media-access.ts';
import type { MediaRecord } from './media-record.ts';

/** Download links live five minutes: long enough to open, short enough that a forwarded link dies. */
export const DOWNLOAD_LINK_SECONDS = 5 * 60;

export type MediaVariant = 'public' | 'original';

/** A record the principal may see; anything else is reported as absent (404). */
export const visibleMedia = (
  principal: Principal,
  record: MediaRecord | undefined,
  id: string,
): MediaRecord => {
  if (record === undefined || !canReadMedia(principal, record)) {
    throw new NotFoundError(`媒体文件不存在 (media ${id} not found)`);
  }
  return record;
};

/** What the API shows of a record: no storage keys. */
export const mediaSummary = (record: MediaRecord) => ({
  id: record.id,
  ownerId: record.ownerId,
  status: record.status,
  declaredType: record.declaredType,
  contentType: record.contentType,
  sizeBytes: record.sizeBytes,
  sha256: record.sha256,
  fileName: record.fileName,
  createdAt: record.createdAt,
  completedAt: record.completedAt,
  rejectionReason: record.rejectionReason,
  hasPublicCopy: record.publicKey !== undefined,
});

/**
 * The object a download link points at. The public copy by default; the original when asked for,
 * or when no location-free copy exists (a video over VIDEO_STRIP_MAX_BYTES, or a file whose structure
 * could not be parsed safely) — both only for those who may read originals.
 */
export const downloadTarget = (
  principal: Principal,
  record: MediaRecord,
  asked: MediaVariant,
): { variant: MediaVariant; key: string } | undefined => {
  if (record.status !== 'ready' || record.originalKey === undefined) return undefined;
  if (asked === 'public' && record.publicKey !== undefined)
    return { variant: 'public', key: record.publicKey };
  if (!canReadOriginal(principal, record)) {
    throw new ForbiddenError(
      '只有上传者和工作人员可查看原始文件 (only the owner and staff may read the original)',
    );
  }
  return { variant: 'original', key: record.originalKey };
};
