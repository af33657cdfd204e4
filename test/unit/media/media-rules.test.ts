import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '../../../shared/domain/errors.ts';
import { requireAttachable } from '../../../shared/domain/media/media-access.ts';
import {
  contentMismatch,
  type MediaRecord,
  pendingMedia,
} from '../../../shared/domain/media/media-record.ts';
import { downloadTarget } from '../../../shared/domain/media/media-view.ts';
import type { Principal } from '../../../shared/domain/roles.ts';

const deputy: Principal = { userId: 'd1', username: 'deputy', roles: ['deputy'] };
const handler: Principal = { userId: 'h1', username: 'handler', roles: ['handler'], departmentId: 'dept-a' };
const AT = new Date('2026-11-29T02:00:00Z');

const media = (id: string, owner: Principal, patch: Partial<MediaRecord> = {}): MediaRecord => ({
  ...pendingMedia({
    id,
    owner,
    declaredType: 'image/jpeg',
    maxBytes: 100,
    uploadKey: `uploads/pending/${owner.userId}/${id}.jpg`,
    at: AT,
  }),
  ...patch,
});
const ready = (id: string, owner: Principal, withPublicCopy = true) =>
  media(id, owner, {
    status: 'ready',
    originalKey: `media/${id}/original`,
    ...(withPublicCopy ? { publicKey: `media/${id}/public` } : {}),
  });

describe('contentMismatch', () => {
  it('names what the bytes are and what was declared; MP4 and MOV pass for each other', () => {
    expect(contentMismatch('image/jpeg', 'image/png')).toContain(
      'file content is PNG but declared image/jpeg',
    );
    expect(contentMismatch('image/jpeg', undefined)).toContain('none of the allowed types');
    expect(contentMismatch('video/quicktime', 'video/mp4')).toBeUndefined();
    expect(contentMismatch('image/heic', 'image/heic')).toBeUndefined();
  });
});

describe('requireAttachable', () => {
  const records = new Map(
    [
      ready('mine', deputy),
      media('pending', deputy),
      ready('staff', handler),
      media('bad', deputy, { status: 'rejected', rejectionReason: 'PNG' }),
    ].map((r) => [r.id, r]),
  );
  const attempt = (principal: Principal, ids: string[], purpose: 'report' | 'evidence') => {
    try {
      requireAttachable(principal, ids, records, purpose, '/mediaIds');
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(UnprocessableError);
      return (error as UnprocessableError).errors.map((e) => `${e.path} ${e.message}`);
    }
  };

  it('lets a reporter attach only their own ready files, naming each refused entry by index', () => {
    expect(attempt(deputy, ['mine'], 'report')).toEqual([]);
    expect(attempt(deputy, ['mine', 'pending', 'staff', 'bad', 'ghost'], 'report')).toEqual([
      '/mediaIds/1 media pending not ready (upload not completed)',
      '/mediaIds/2 media staff not found',
      '/mediaIds/3 media bad rejected: PNG',
      '/mediaIds/4 media ghost not found',
    ]);
  });

  it('accepts any staff member’s ready file as evidence, never a deputy’s', () => {
    const colleague: Principal = { ...handler, userId: 'h2' };
    expect(attempt(colleague, ['staff'], 'evidence')).toEqual([]);
    expect(attempt(colleague, ['mine'], 'evidence')).toEqual(['/mediaIds/0 media mine not found']);
  });
});

describe('downloadTarget', () => {
  it('serves the public copy by default and the original when asked or when no public copy exists', () => {
    expect(downloadTarget(handler, ready('p', deputy), 'public')).toEqual({
      variant: 'public',
      key: 'media/p/public',
    });
    expect(downloadTarget(deputy, ready('p', deputy), 'original')?.key).toBe('media/p/original');
    expect(downloadTarget(handler, ready('v', deputy, false), 'public')?.variant).toBe('original');
    expect(downloadTarget(deputy, media('q', deputy), 'public')).toBeUndefined();
  });
});
