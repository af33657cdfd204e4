import { randomUUID } from 'node:crypto';
import { addCaseCommentRoute } from '../../shared/contracts/case-comments.ts';
import { ForbiddenError } from '../../shared/domain/errors.ts';
import { citeMedia } from '../media/media-citations.ts';
import { httpHandler } from '../middleware/http.ts';
import { caseStore, clock, loadVisibleCase } from './case-context.ts';

const store = caseStore();

/**
 * Anyone who may see a case may comment on it. Comments are items beside the case
 * (`sk COMMENT#<at>#<uuid>`), not timeline entries: the timeline's sequence is the record's version
 * (one entry per state change), and a comment must neither bump the version (which would make a
 * concurrent transition lose with 409) nor be editable later — comments are append-only as well.
 * Its files follow the rules of any citation (the author's or their department's, completed,
 * attached to nothing) and are attached to the case, as this comment, in the comment's write.
 */
export const handler = httpHandler(addCaseCommentRoute, async ({ params, body, principal }) => {
  const record = await loadVisibleCase(store, params.id, principal);
  const authorRole = principal.roles[0];
  if (authorRole === undefined) throw new ForbiddenError('评论需要有效的角色 (a comment needs a role)');
  const at = clock().toISOString();
  const id = randomUUID();
  const comment = {
    id,
    caseId: record.id,
    at,
    authorId: principal.userId,
    authorRole,
    text: body.text,
    mediaIds: body.mediaIds,
  };
  const claims = await citeMedia(principal, body.mediaIds, '/body/mediaIds', {
    kind: 'case',
    id: record.id,
    part: 'comment',
    commentId: id,
    by: principal.userId,
    at,
  });
  await store.addComment(comment, claims);
  return comment;
});
