import type { ActorRole } from '../workflow/timeline.ts';
import { assignmentDeadlines } from './suggestion-deadlines.ts';
import type { SuggestionEnv } from './suggestion-env.ts';
import type { SuggestionRecord, SuggestionTimelineEntry } from './suggestion-record.ts';

/**
 * 分别交办 — a suggestion assigned to several units separately. Local rules say such units handle it
 * "依照各自的职责办理，并分别答复代表" (e.g. a provincial regulation on deputies' suggestions,
 * http://www.fymate.net/html/text/lar/168704/16870457_3.html, the article before art. 19). Qingshan
 * models that as parts: the suggestion moves to `split`, and each unit gets a part `{id}.{n}` that is
 * an ordinary suggestion in `assigned` — own lead and co-units, deadlines from the split instant, own
 * reply signed by that unit's head, own ratings by every signatory, own re-handling and follow-up.
 * Chosen over several lead assignments inside one record because every existing rule (one reply per
 * round, ratings per reply, extension and hand-back per unit) then applies to each part unchanged.
 */

export const partIdOf = (parentId: string, n: number): string => `${parentId}.${n}`;

/** The parts of a suggestion that has just moved to `split`, each with its first timeline entry. */
export const partsOfSplit = (
  parent: SuggestionRecord,
  actor: { userId: string; role: ActorRole },
  at: Date,
  env: SuggestionEnv,
): { record: SuggestionRecord; entry: SuggestionTimelineEntry }[] =>
  (parent.parts ?? []).map((part) => {
    const deadlines = assignmentDeadlines(at, part.coUnitIds.length > 0, env.calendar);
    const record: SuggestionRecord = {
      id: part.id,
      version: 1,
      state: 'assigned',
      parentId: parent.id,
      filerId: parent.filerId,
      coSignerIds: parent.coSignerIds,
      title: parent.title,
      body: parent.body,
      category: parent.category,
      attachments: parent.attachments,
      submittedAt: parent.submittedAt,
      ...(parent.acceptedAt ? { acceptedAt: parent.acceptedAt } : {}),
      ...(parent.keySupervision ? { keySupervision: parent.keySupervision } : {}),
      assignment: {
        leadUnitId: part.leadUnitId,
        coUnitIds: part.coUnitIds,
        assignedAt: at.toISOString(),
        assignedOn: deadlines.assignedOn,
      },
      replyDue: deadlines.replyDue,
      ...(deadlines.coOpinionDue ? { coOpinionDue: deadlines.coOpinionDue } : {}),
      handBackDue: deadlines.handBackDue,
      ...(deadlines.provisional ? { provisional: true, provisionalSince: deadlines.provisionalSince } : {}),
      coOpinions: [],
      replies: [],
      ratings: [],
      followUps: [],
      rehandlingCount: 0,
    };
    const entry: SuggestionTimelineEntry = {
      seq: 1,
      at: at.toISOString(),
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'assignSeparately',
      from: null,
      to: 'assigned',
      mediaIds: [],
      details: {
        parentId: parent.id,
        leadUnitId: part.leadUnitId,
        coUnitIds: part.coUnitIds,
        replyDue: deadlines.replyDue,
        ...(deadlines.coOpinionDue ? { coOpinionDue: deadlines.coOpinionDue } : {}),
        handBackDue: deadlines.handBackDue,
      },
    };
    return { record, entry };
  });
