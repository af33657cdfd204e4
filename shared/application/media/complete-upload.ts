import { createHash } from 'node:crypto';
import { ConflictError, NotFoundError, UnprocessableError } from '../../domain/errors.ts';
import {
  contentMismatch,
  isPhoto,
  type MediaRecord,
  originalKeyOf,
  publicKeyOf,
} from '../../domain/media/media-record.ts';
import type { MediaContentType } from '../../domain/media/media-types.ts';
import { SNIFF_BYTES, sniffContentType } from '../../domain/media/sniff.ts';
import { stripLocation, UnstrippableMediaError } from '../../domain/media/strip-location.ts';
import type { Principal } from '../../domain/roles.ts';
import type { MediaCatalog } from '../../ports/media-catalog.ts';
import type { MediaObjects } from '../../ports/media-objects.ts';

export interface MediaDeps {
  catalog: MediaCatalog;
  objects: MediaObjects;
}

/**
 * Largest video read into memory to blank its location. The completion function has 512 MB
 * (infra/contexts/media.ts); the original and its blanked copy are both held, so 64 MiB leaves
 * ample room. Longer videos (up to the 300 MiB cap) keep the streamed path and get no public copy:
 * only the owner and staff can read them.
 */
export const VIDEO_STRIP_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Judges an uploaded file by its bytes and, when it is what it claims, files its copies:
 * the original under a private key, and a location-free public copy (every type; videos only up to
 * VIDEO_STRIP_MAX_BYTES, and none when the file's structure cannot be parsed safely). A file that
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
    const reason = mismatch ?? '无法识别的文件内容 (unknown content)';
    await deps.catalog.markRejected(record.id, reason, input.at.toISOString()).catch(ignoreConflict);
    await deps.objects.discard(record.uploadKey);
    throw rejection(reason);
  }
  const copies = await fileCopies(deps.objects, record, sniffed, head.sizeBytes);
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

const fileCopies = async (
  objects: MediaObjects,
  record: MediaRecord,
  type: MediaContentType,
  sizeBytes: number,
) => {
  const originalKey = originalKeyOf(record.id);
  if (!isPhoto(type) && sizeBytes > VIDEO_STRIP_MAX_BYTES) {
    // Videos can be hundreds of MB: hash by streaming and copy inside S3.
    const sha256 = await objects.sha256(record.uploadKey);
    await objects.copy(record.uploadKey, originalKey, type);
    return { sha256, originalKey };
  }
  const bytes = await objects.readAll(record.uploadKey);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await objects.put(originalKey, bytes, type);
  const stripped = locationFree(type, bytes);
  if (stripped === undefined) return { sha256, originalKey };
  const publicKey = publicKeyOf(record.id);
  await objects.put(publicKey, stripped, type);
  return { sha256, originalKey, publicKey };
};

/** The location-free bytes, or undefined when they cannot be promised (then nothing is published). */
const locationFree = (type: MediaContentType, bytes: Uint8Array): Uint8Array | undefined => {
  try {
    return stripLocation(type, bytes).bytes;
  } catch (error) {
    if (error instanceof UnstrippableMediaError) return undefined;
    throw error;
  }
};

const rejection = (reason: string) => new UnprocessableError(reason, [{ path: '/file', message: reason }]);

const ignoreConflict = (error: unknown) => {
  if (!(error instanceof ConflictError)) throw error;
};
