import { describe, expect, it } from 'vitest';
import { NotFoundError, UnprocessableError } from '../../../shared/domain/errors.ts';
import { requireCitable } from '../../../shared/domain/media/media-attachment.ts';
import {
  contentMismatch,
  type MediaRecord,
  pendingMedia,
} from '../../../shared/domain/media/media-record.ts';
import { downloadTarget, mediaSummary } from '../../../shared/domain/media/media-view.ts';
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

describe('requireCitable', () => {
  const attached = {
    ...ready('used', deputy),
    attachedTo: { kind: 'case', id: 'c1', part: 'report', by: 'd1', at: AT.toISOString() },
  } satisfies MediaRecord;
  const records = new Map(
    [
      ready('mine', deputy),
      media('pending', deputy),
      ready('staff', handler),
      media('bad', deputy, { status: 'rejected', rejectionReason: 'PNG' }),
      attached,
    ].map((r) => [r.id, r]),
  );
  const attempt = (principal: Principal, ids: string[]) => {
    try {
      requireCitable(principal, ids, records, '/body/mediaIds');
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(UnprocessableError);
      expect((error as Error).message).toMatch(/^附件不可用 \(mediaIds\[\d\]: /);
      return (error as UnprocessableError).errors.map(
        (e) => `${e.path} ${e.message.replace(/ \(.*\)$/, '')}`,
      );
    }
  };

  it('lets the uploader cite their own ready, unattached file, naming each refused entry by index', () => {
    expect(attempt(deputy, ['mine'])).toEqual([]);
    expect(attempt(deputy, ['mine', 'pending', 'staff', 'bad', 'ghost', 'used', 'mine'])).toEqual([
      '/body/mediaIds/1 媒体文件 pending 上传尚未完成',
      '/body/mediaIds/2 媒体文件 staff 媒体文件不存在',
      '/body/mediaIds/3 媒体文件 bad 文件已被拒收',
      '/body/mediaIds/4 媒体文件 ghost 媒体文件不存在',
      '/body/mediaIds/5 媒体文件 used 已被其他记录引用',
      '/body/mediaIds/6 媒体文件 mine 重复列出',
    ]);
  });

  it('lets a colleague of the uploader’s department cite it, nobody else', () => {
    const colleague: Principal = { ...handler, userId: 'h2' };
    const otherDepartment: Principal = { ...handler, userId: 'h3', departmentId: 'dept-b' };
    const overseer: Principal = { userId: 's1', username: 'sup', roles: ['supervisor'] };
    expect(attempt(colleague, ['staff'])).toEqual([]);
    expect(attempt(otherDepartment, ['staff'])).toEqual(['/body/mediaIds/0 媒体文件 staff 媒体文件不存在']);
    expect(attempt(overseer, ['staff'])).toHaveLength(1);
    // A deputy's file has no department: only the deputy cites it.
    expect(attempt(colleague, ['mine'])).toEqual(['/body/mediaIds/0 媒体文件 mine 媒体文件不存在']);
  });
});

describe('downloadTarget and mediaSummary', () => {
  it('serves the public copy by default and the original when asked or when no public copy exists', () => {
    expect(downloadTarget(ready('p', deputy), 'public', 'public')).toEqual({
      variant: 'public',
      key: 'media/p/public',
    });
    expect(downloadTarget(ready('p', deputy), 'original', 'original')?.key).toBe('media/p/original');
    expect(downloadTarget(ready('v', deputy, false), 'original', 'public')?.variant).toBe('original');
    expect(downloadTarget(media('q', deputy), 'original', 'public')).toBeUndefined();
  });

  it('answers a reader of the public copy 404 for the original, and no link when there is no public copy', () => {
    expect(() => downloadTarget(ready('p', deputy), 'public', 'original')).toThrow(NotFoundError);
    expect(downloadTarget(ready('v', deputy, false), 'public', 'public')).toBeUndefined();
  });

  it('shows the uploader, hash and name to readers of the original only', () => {
    const file = { ...ready('p', deputy), sha256: 'ab', fileName: 'IMG_1.jpg' };
    expect(mediaSummary(file, 'original')).toMatchObject({
      ownerId: 'd1',
      sha256: 'ab',
      fileName: 'IMG_1.jpg',
    });
    const shown = mediaSummary(file, 'public');
    expect(Object.keys(shown)).not.toEqual(expect.arrayContaining(['ownerId']));
    expect(JSON.stringify(shown)).not.toMatch(/d1|IMG_1|"ab"/);
  });
});
