import { describe, expect, it } from 'vitest';
import { planAttachmentBackfill } from '../../../shared/domain/media/attachment-backfill.ts';
import type { TimelineEntry } from '../../../shared/domain/workflow/timeline.ts';

const entry = (seq: number, action: string, at: string, mediaIds: string[]): TimelineEntry => ({
  seq,
  at,
  actorId: `actor-${seq}`,
  actorRole: 'handler',
  action,
  from: null,
  to: 'x',
  mediaIds,
  details: {},
});

describe('planAttachmentBackfill', () => {
  it('attaches each file to its first citation in time, whatever the order it is read in', () => {
    const plan = planAttachmentBackfill(
      [
        { kind: 'case', id: 'c2', entries: [entry(1, 'submit', '2026-01-02T00:00:00Z', ['m1'])] },
        {
          kind: 'case',
          id: 'c1',
          entries: [
            entry(1, 'submit', '2026-01-01T00:00:00Z', ['m1']),
            entry(5, 'submitRectification', '2026-01-03T00:00:00Z', ['e1']),
            // Old evidence cited again by a later round of the same case: no conflict, first kept.
            entry(9, 'submitRectification', '2026-01-04T00:00:00Z', ['e1']),
            entry(10, 'verify', '2026-01-05T00:00:00Z', ['ignored']),
          ],
        },
      ],
      [],
    );
    expect(plan.attach).toEqual([
      {
        mediaId: 'm1',
        attachment: {
          kind: 'case',
          id: 'c1',
          part: 'report',
          seq: 1,
          by: 'actor-1',
          at: '2026-01-01T00:00:00Z',
        },
      },
      { mediaId: 'e1', attachment: expect.objectContaining({ id: 'c1', part: 'evidence', seq: 5 }) },
    ]);
    expect(plan.conflicts).toEqual([
      expect.objectContaining({ mediaId: 'm1', alsoCitedBy: expect.objectContaining({ id: 'c2' }) }),
    ]);
  });

  it('names the part of suggestion steps and of comments', () => {
    const plan = planAttachmentBackfill(
      [
        {
          kind: 'suggestion',
          id: 's1',
          entries: [
            entry(1, 'submit', '2026-01-01T00:00:00Z', ['a']),
            entry(4, 'submitCoOpinion', '2026-01-02T00:00:00Z', ['o']),
            entry(6, 'reply', '2026-01-03T00:00:00Z', ['r']),
            entry(8, 'markSolved', '2026-01-04T00:00:00Z', ['s']),
          ],
        },
      ],
      [{ id: 'k1', caseId: 'c1', at: '2026-01-05T00:00:00Z', authorId: 'u1', mediaIds: ['c'] }],
    );
    expect(plan.attach.map(({ mediaId, attachment }) => `${mediaId}:${attachment.part}`)).toEqual([
      'a:attachment',
      'o:coOpinion',
      'r:reply',
      's:solution',
      'c:comment',
    ]);
    expect(plan.attach.at(-1)?.attachment).toMatchObject({
      kind: 'case',
      id: 'c1',
      commentId: 'k1',
      by: 'u1',
    });
  });
});
