import { createHash } from 'node:crypto';
import type { MediaCatalog } from '../../ports/media-catalog.ts';
import type { MediaObjects } from '../../ports/media-objects.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors.ts';
import type { Principal } from '../roles.ts';
import { contentMismatch, isPhoto, type MediaRecord, originalKeyOf, publicKeyOf } from './media-record.ts';
import type { MediaContentType } from './media-types.ts';
import { SNIFF_BYTES, sniffContentType } from './sniff.ts';
import { stripLocation } from './strip-location.ts';

export interface MediaDeps {
  catalog: MediaCatalog;
  objects: MediaObjects;
}

/** Photo types whose location metadata we know how to remove; HEIC and video are kept private. */
const STRIPPABLE: ReadonlySet<MediaContentType> = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Judges an uploaded file by its bytes and, when it is what it claims, files its copies:
 * the original under a private key, and for JPEG/PNG/WebP a location-free public copy. A file that
 * lies about its type is marked rejected and its bytes discarded (422 with the reason). Owner only;
 * repeat calls on a ready file answer the same record.
 */
export const completeUpload = async (
  deps: MediaDeps,
  input: { id: string; principal: Principal; at: Date },
): Promise<MediaRecord> => {
  const record = await deps.catalog.get(input.id);
  if (record === undefined || record.ownerId !== input.principal.userId) {
    throw new NotFoundError(`媒体文件不存在 (media ${input.id} not found)`);
  }
  if (record.status === 'ready') return record;
  if (record.status === 'rejected') throw rejection(record.rejectionReason ?? 'rejected');
  const head = await deps.objects.head(record.uploadKey);
  if (head === undefined) {
    throw new ConflictError(`尚未收到上传的文件 (nothing has been uploaded for media ${record.id} yet)`);
  }
  const sniffed = sniffContentType(await deps.objects.readStart(record.uploadKey, SNIFF_BYTES));
  const mismatch =
    head.sizeBytes > record.maxBytes
      ? `文件过大 (file is ${head.sizeBytes} bytes, at most ${record.maxBytes} allowed)`
      : contentMismatch(record.declaredType, sniffed);
  if (mismatch !== undefined || sniffed === undefined) {
    const reason = mismatch ?? 'unknown content';
    await deps.catalog.markRejected(record.id, reason, input.at.toISOString()).catch(ignoreConflict);
    await deps.objects.discard(record.uploadKey);
    throw rejection(reason);
  }
  const copies = await fileCopies(deps.objects, record, sniffed);
  try {
    return await deps.catalog.markReady(record.id, {
      ...copies,
      contentType: sniffed,
      sizeBytes: head.sizeBytes,
      completedAt: input.at.toISOString(),
    });
  } catch (error) {
    // A concurrent completion of the same file won; it wrote the same copies.
    const winner = error instanceof ConflictError ? await deps.catalog.get(record.id) : undefined;
    if (winner?.status === 'ready') return winner;
    throw error;
  }
};

const fileCopies = async (objects: MediaObjects, record: MediaRecord, type: MediaContentType) => {
  const originalKey = originalKeyOf(record.id);
  if (!isPhoto(type)) {
    // Videos can be hundreds of MB: hash by streaming and copy inside S3.
    const sha256 = await objects.sha256(record.uploadKey);
    await objects.copy(record.uploadKey, originalKey, type);
    return { sha256, originalKey };
  }
  const bytes = await objects.readAll(record.uploadKey);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await objects.put(originalKey, bytes, type);
  if (!STRIPPABLE.has(type)) return { sha256, originalKey };
  const publicKey = publicKeyOf(record.id);
  await objects.put(publicKey, stripLocation(type, bytes).bytes, type);
  return { sha256, originalKey, publicKey };
};

const rejection = (reason: string) => new UnprocessableError(reason, [{ path: '/file', message: reason }]);

const ignoreConflict = (error: unknown) => {
  if (!(error instanceof ConflictError)) throw error;
};
