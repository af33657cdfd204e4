/**
 * What a deputy may upload as evidence: photos and short videos from a phone. The limits are
 * enforced by the presigned POST policy itself (content-length-range), not by trusting the client.
 */
export const MEDIA_TYPES = {
  'image/jpeg': { extension: 'jpg', kind: 'photo', maxBytes: 20 * 1024 * 1024 },
  'image/png': { extension: 'png', kind: 'photo', maxBytes: 20 * 1024 * 1024 },
  'image/webp': { extension: 'webp', kind: 'photo', maxBytes: 20 * 1024 * 1024 },
  'image/heic': { extension: 'heic', kind: 'photo', maxBytes: 20 * 1024 * 1024 },
  'video/mp4': { extension: 'mp4', kind: 'video', maxBytes: 300 * 1024 * 1024 },
  'video/quicktime': { extension: 'mov', kind: 'video', maxBytes: 300 * 1024 * 1024 },
} as const;

export type MediaContentType = keyof typeof MEDIA_TYPES;
export const MEDIA_CONTENT_TYPES = Object.keys(MEDIA_TYPES) as [MediaContentType, ...MediaContentType[]];
