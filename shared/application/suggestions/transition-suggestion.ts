import { pointersTo } from '../../domain/json-pointers.ts';
import type { MediaPart } from '../../domain/media/media-attachment.ts';
import type { Principal } from '../../domain/roles.ts';
import type { SuggestionEnv } from '../../domain/suggestions/suggestion-env.ts';
import { listedUnits } from '../../domain/suggestions/suggestion-listing.ts';
import { applySuggestionTransition } from '../../domain/suggestions/suggestion-machine.ts';
import type { SuggestionRecord } from '../../domain/suggestions/suggestion-record.ts';
import { partsOfSplit } from '../../domain/suggestions/suggestion-split.ts';
import type { SuggestionStore } from '../../ports/suggestion-store.ts';
import { requireKnownDepartments } from '../workflow/department-check.ts';
import type { CiteMedia, DepartmentExists } from '../workflow/workflow-ports.ts';
import { withDueRoundClosed } from './rating-round-closing.ts';

export interface TransitionSuggestionPorts {
  suggestions: SuggestionStore;
  citeMedia: CiteMedia;
  departmentExists: DepartmentExists;
  env: SuggestionEnv;
}

export interface TransitionSuggestionInput {
  /** As the caller may see it (404 before this otherwise). */
  loaded: SuggestionRecord;
  action: string;
  principal: Principal;
  payload: unknown;
  at: Date;
  /** The version the caller read: another one is 409. */
  expectedVersion?: number;
}

/** The part of a suggestion each action's files are cited as. */
const MEDIA_PART_OF: Partial<Record<string, MediaPart>> = {
  submitCoOpinion: 'coOpinion',
  reply: 'reply',
  followUp: 'followUp',
  markSolved: 'solution',
};

/**
 * One action on a suggestion. A rating round that ran out is closed first, and the caller acts on
 * what it became (a version read before that closing is stale: 409). Units newly assigned, here or
 * to the parts of a split, must be departments the registry knows (422 per field, as for cases);
 * the step's files are claimed, and the parts born of a split written, in the step's own write.
 */
export const transitionSuggestion = async (
  ports: TransitionSuggestionPorts,
  input: TransitionSuggestionInput,
): Promise<SuggestionRecord> => {
  const { principal, at, env } = { ...input, env: ports.env };
  const current = await withDueRoundClosed(ports.suggestions, input.loaded, at, env);
  const { record, entry } = applySuggestionTransition(
    current,
    {
      action: input.action,
      principal,
      payload: input.payload,
      at,
      ...(input.expectedVersion === undefined ? {} : { expectedVersion: input.expectedVersion }),
    },
    env,
  );
  const before = listedUnits(current);
  const parts =
    record.state === 'split' && current.state !== 'split'
      ? partsOfSplit(record, { userId: entry.actorId, role: entry.actorRole }, at, env)
      : [];
  const arrived = [
    ...listedUnits(record).filter((unit) => !before.includes(unit)),
    ...parts.flatMap((part) => listedUnits(part.record)),
  ];
  await requireKnownDepartments(
    ports.departmentExists,
    [...new Set(arrived)].flatMap((unit) => {
      const paths = pointersTo(input.payload, new Set([unit]), '/body/payload');
      return (paths.length > 0 ? paths : ['/body/payload']).map((path) => ({ path, id: unit }));
    }),
    '承办单位不存在 (the handling unit does not exist)',
  );
  const claims = await ports.citeMedia(principal, entry.mediaIds, '/body/payload/mediaIds', {
    kind: 'suggestion',
    id: record.id,
    part: MEDIA_PART_OF[entry.action] ?? 'reply',
    seq: entry.seq,
    round: record.rehandlingCount,
    by: principal.userId,
    at: entry.at,
  });
  await ports.suggestions.update({ before: current, record, entry }, { creates: parts, claims });
  return record;
};
