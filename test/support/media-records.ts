import type { MediaRecord } from '../../shared/domain/media/media-record.ts';

/** A completed photo of `owner`, attached to nothing: what a citation may claim. */
export const readyPhoto = (id: string, owner: string): MediaRecord => ({
  id,
  ownerId: owner,
  ownerRoles: ['deputy'],
  declaredType: 'image/jpeg',
  maxBytes: 1024,
  uploadKey: `uploads/pending/${owner}/${id}.jpg`,
  createdAt: '2026-03-01T00:00:00.000Z',
  status: 'ready',
  contentType: 'image/jpeg',
  sizeBytes: 512,
  sha256: '0'.repeat(64),
  originalKey: `media/${id}/original`,
  completedAt: '2026-03-01T00:01:00.000Z',
});
