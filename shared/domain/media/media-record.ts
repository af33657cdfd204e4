import type { Role } from '../roles.ts';
import type { MediaAttachment } from './media-attachment-types.ts';
import { MEDIA_TYPES, type MediaContentType } from './media-types.ts';

export const MEDIA_STATUSES = ['pending', 'ready', 'rejected'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/**
 * One uploaded file in the media catalog. `pending` from the moment its slot is handed out;
 * `ready` once its bytes were checked and its copies written; `rejected` when the bytes lied.
 */
export interface MediaRecord {
  id: string;
  ownerId: string;
  /** The owner's roles when the slot was made (kept for audit). */
  ownerRoles: Role[];
  /**
   * The owner's department claim when the slot was made: a colleague of the same department may cite
   * the file (evidence taken by one handler, filed by another). Absent for deputies and overseers.
   */
  ownerDepartmentId?: string;
  declaredType: MediaContentType;
  maxBytes: number;
  /** Where the client uploads (under `uploads/pending/`, which expires). */
  uploadKey: string;
  fileName?: string;
  createdAt: string;
  status: MediaStatus;
  /** The type found in the bytes (ready). */
  contentType?: MediaContentType;
  sizeBytes?: number;
  /** Hex SHA-256 of the original bytes. */
  sha256?: string;
  /** Private copy of the original: owner and staff only. */
  originalKey?: string;
  /** Copy with location metadata removed; absent for videos over 64 MiB or files that cannot be parsed safely. */
  publicKey?: string;
  completedAt?: string;
  rejectionReason?: string;
  /**
   * The one record that cites the file, written in the same transaction as that record's step
   * (media-attachment.ts). Absent: attached to nothing, readable by its owner only.
   */
  attachedTo?: MediaAttachment;
}

/** Final keys, outside `uploads/pending/`, so the lifecycle rule does not expire them. */
export const originalKeyOf = (id: string): string => `media/${id}/original`;
export const publicKeyOf = (id: string): string => `media/${id}/public`;

/** Types that may stand in for each other: phones label ISO-BMFF video loosely (MP4 vs MOV). */
const FAMILY: Record<MediaContentType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'video/mp4': 'iso-video',
  'video/quicktime': 'iso-video',
};

const LABEL: Record<MediaContentType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'video/mp4': 'MP4',
  'video/quicktime': 'QuickTime (MOV)',
};

/** Why the sniffed bytes do not fit the declared type, or undefined when they do. */
export const contentMismatch = (
  declared: MediaContentType,
  sniffed: MediaContentType | undefined,
): string | undefined => {
  if (sniffed === undefined) {
    return `文件内容不是允许的类型 (file content is none of the allowed types; declared ${declared})`;
  }
  if (FAMILY[sniffed] !== FAMILY[declared]) {
    return `文件内容与声明类型不符 (file content is ${LABEL[sniffed]} but declared ${declared})`;
  }
  return undefined;
};

export const isPhoto = (type: MediaContentType): boolean => MEDIA_TYPES[type].kind === 'photo';

/** The catalog entry born with an upload slot. */
export const pendingMedia = (input: {
  id: string;
  owner: { userId: string; roles: Role[]; departmentId?: string };
  declaredType: MediaContentType;
  maxBytes: number;
  uploadKey: string;
  fileName?: string;
  at: Date;
}): MediaRecord => ({
  id: input.id,
  ownerId: input.owner.userId,
  ownerRoles: [...input.owner.roles],
  ...(input.owner.departmentId === undefined ? {} : { ownerDepartmentId: input.owner.departmentId }),
  declaredType: input.declaredType,
  maxBytes: input.maxBytes,
  uploadKey: input.uploadKey,
  ...(input.fileName === undefined ? {} : { fileName: input.fileName }),
  createdAt: input.at.toISOString(),
  status: 'pending',
});
