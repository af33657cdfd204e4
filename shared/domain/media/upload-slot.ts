import { PayloadTooLargeError } from '../errors.ts';
import type { Principal } from '../roles.ts';
import { MEDIA_TYPES, type MediaContentType } from './media-types.ts';

export interface UploadPlan {
  key: string;
  contentType: MediaContentType;
  maxBytes: number;
  expiresInSeconds: number;
}

/** Long enough for a video over a slow mobile link, short enough that a leaked slot soon dies. */
export const UPLOAD_SLOT_SECONDS = 15 * 60;

/**
 * Plans one upload: the server picks the key (owner and a fresh id), the size cap comes from the type.
 * Pending uploads live under `uploads/pending/`, which expires unless a case adopts the file.
 */
export const planUpload = (
  principal: Principal,
  request: { contentType: MediaContentType; sizeBytes: number },
  uploadId: string,
): UploadPlan => {
  const type = MEDIA_TYPES[request.contentType];
  if (request.sizeBytes > type.maxBytes) {
    throw new PayloadTooLargeError(
      `文件过大：${request.contentType} 最大 ${type.maxBytes} 字节，此文件 ${request.sizeBytes} 字节 ` +
        `(a ${type.kind} of type ${request.contentType} may be at most ${type.maxBytes} bytes; this one is ${request.sizeBytes})`,
    );
  }
  return {
    key: `uploads/pending/${principal.userId}/${uploadId}.${type.extension}`,
    contentType: request.contentType,
    maxBytes: type.maxBytes,
    expiresInSeconds: UPLOAD_SLOT_SECONDS,
  };
};
