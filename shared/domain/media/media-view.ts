import { NotFoundError } from '../errors.ts';
import type { MediaReadRight } from './media-access.ts';
import type { MediaRecord } from './media-record.ts';

/** Download links live five minutes: long enough to open, short enough that a forwarded link dies. */
export const DOWNLOAD_LINK_SECONDS = 5 * 60;

export type MediaVariant = 'public' | 'original';

const notFound = (id: string) => new NotFoundError(`媒体文件不存在 (media ${id} not found)`);

/** The right the caller holds on a file that exists; none reads as absent (404). */
export const requireReadable = (
  record: MediaRecord | undefined,
  right: MediaReadRight,
  id: string,
): { record: MediaRecord; right: 'original' | 'public' } => {
  if (record === undefined || right === 'none') throw notFound(id);
  return { record, right };
};

/**
 * What the API shows of a record: no storage keys. A reader of the public copy only learns neither
 * who uploaded it (on a public case that would name the reporter) nor the original's hash or name.
 */
export const mediaSummary = (record: MediaRecord, right: 'original' | 'public' = 'original') => ({
  id: record.id,
  ...(right === 'original' ? { ownerId: record.ownerId } : {}),
  status: record.status,
  declaredType: record.declaredType,
  contentType: record.contentType,
  sizeBytes: record.sizeBytes,
  ...(right === 'original' ? { sha256: record.sha256, fileName: record.fileName } : {}),
  createdAt: record.createdAt,
  completedAt: record.completedAt,
  rejectionReason: record.rejectionReason,
  hasPublicCopy: record.publicKey !== undefined,
  ...(record.attachedTo === undefined
    ? {}
    : { attachedTo: attachmentSummary(record.attachedTo, right === 'original') }),
});

/** Who cited the file is shown only to those who may read the original. */
const attachmentSummary = ({ by, ...where }: NonNullable<MediaRecord['attachedTo']>, withActor: boolean) =>
  withActor ? { ...where, by } : where;

/**
 * The object a download link points at. The public copy by default; the original when asked for,
 * or when no location-free copy exists (a video over VIDEO_STRIP_MAX_BYTES, or a file whose structure
 * could not be parsed safely) — both only for those who may read originals. A reader of the public
 * copy asking for the original is told it is not there (404), like anyone else without the right;
 * when no public copy exists they get the file's facts without a link.
 */
export const downloadTarget = (
  record: MediaRecord,
  right: 'original' | 'public',
  asked: MediaVariant,
): { variant: MediaVariant; key: string } | undefined => {
  if (asked === 'original' && right !== 'original') throw notFound(record.id);
  if (record.status !== 'ready' || record.originalKey === undefined) return undefined;
  if (asked === 'public' && record.publicKey !== undefined)
    return { variant: 'public', key: record.publicKey };
  if (right !== 'original') return undefined;
  return { variant: 'original', key: record.originalKey };
};
