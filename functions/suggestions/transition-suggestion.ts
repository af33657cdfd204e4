import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { provisionalMarkerWrites } from '../../shared/adapters/dynamodb/provisional-deadlines.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { tableName } from '../../shared/config/env.ts';
import { transitionSuggestionRoute } from '../../shared/contracts/suggestions.ts';
import { UnprocessableError } from '../../shared/domain/errors.ts';
import { pointersTo } from '../../shared/domain/json-pointers.ts';
import type { MediaPart } from '../../shared/domain/media/media-attachment.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { listedUnits } from '../../shared/domain/suggestions/suggestion-listing.ts';
import { applySuggestionTransition } from '../../shared/domain/suggestions/suggestion-machine.ts';
import type {
  SuggestionRecord,
  SuggestionTimelineEntry,
} from '../../shared/domain/suggestions/suggestion-record.ts';
import { partsOfSplit } from '../../shared/domain/suggestions/suggestion-split.ts';
import { suggestionAwaitsRecompute } from '../../shared/domain/workflow/deadline-recompute.ts';
import { freshWorkingCalendar } from '../calendar/live-calendar.ts';
import { citeMedia } from '../media/media-citations.ts';
import { httpHandler } from '../middleware/http.ts';
import { expectedVersion } from '../middleware/if-match.ts';
import {
  clock,
  loadVisibleSuggestion,
  suggestionEnv,
  suggestionIndex,
  suggestionStore,
  suggestionView,
  withDueRoundClosed,
} from './suggestion-context.ts';

const store = suggestionStore();
const index = suggestionIndex();
const registry = new DynamoRegistryStore(getDocumentClient(), tableName('registry'));
const env = suggestionEnv();

/**
 * One action on a suggestion, stored with a version condition: of two conflicting actions only one is
 * recorded, the other gets 409.
 */
export const handler = httpHandler(
  transitionSuggestionRoute,
  async ({ params, body, principal, headers }) => {
    await freshWorkingCalendar();
    const at = clock();
    const loaded = await loadVisibleSuggestion(store, params.id, principal);
    const expected = expectedVersion(body.version, headers['if-match']);
    // A round that ran out is closed first; the caller then acts on what it became (and a version
    // read before that closing is stale, which is what the caller must learn).
    const current = await withDueRoundClosed(store, index, loaded, at, env);
    const step = applySuggestionTransition(
      current,
      {
        action: body.action,
        principal,
        payload: body.payload,
        at,
        ...(expected === undefined ? {} : { expectedVersion: expected }),
      },
      env,
    );
    await writeStep(current, step, at, principal, body.payload);
    return suggestionView(step.record, principal, at, env);
  },
);

/** The part of a suggestion each action's files are cited as. */
const MEDIA_PART_OF: Partial<Record<string, MediaPart>> = {
  submitCoOpinion: 'coOpinion',
  reply: 'reply',
  followUp: 'followUp',
  markSolved: 'solution',
};

/**
 * One transaction: the record (version + 1), its timeline entry, the list pointers of units that
 * arrived or left, for `assignSeparately` the new parts with their own pointers, and the claims
 * attaching the step's files (the actor's or their unit's completed uploads, attached to nothing).
 */
const writeStep = async (
  current: SuggestionRecord,
  { record, entry }: { record: SuggestionRecord; entry: SuggestionTimelineEntry },
  at: Date,
  principal: Principal,
  payload: unknown,
): Promise<void> => {
  const before = listedUnits(current);
  const after = listedUnits(record);
  const parts =
    record.state === 'split' && current.state !== 'split'
      ? partsOfSplit(record, { userId: entry.actorId, role: entry.actorRole }, at, env)
      : [];
  const partUnits = parts.flatMap((part) => listedUnits(part.record));
  await requireKnownUnits([...after.filter((unit) => !before.includes(unit)), ...partUnits], payload);
  const claims = await citeMedia(principal, entry.mediaIds, '/body/payload/mediaIds', {
    kind: 'suggestion',
    id: record.id,
    part: MEDIA_PART_OF[entry.action] ?? 'reply',
    seq: entry.seq,
    round: record.rehandlingCount,
    by: principal.userId,
    at: entry.at,
  });
  await store.update(record, entry, {
    index: index.recordKeys(record),
    side: [
      ...index.unitPointers(record, before, after),
      ...parts.flatMap((part) => index.unitPointers(part.record, [], listedUnits(part.record))),
      ...provisionalMarkerWrites('SUGGESTION', current, record, suggestionAwaitsRecompute),
      ...parts.flatMap((part) =>
        provisionalMarkerWrites('SUGGESTION', undefined, part.record, suggestionAwaitsRecompute),
      ),
    ],
    creates: parts.map((part) => ({ ...part, index: index.recordKeys(part.record) })),
    claims,
  });
};

/**
 * Units newly assigned must be departments in the registry (the domain has no directory): 422 naming
 * each field that holds an unknown one, as dispatching a case to an unknown department is.
 */
const requireKnownUnits = async (units: string[], payload: unknown): Promise<void> => {
  const missing = new Set<string>();
  for (const unit of new Set(units)) {
    if ((await registry.getDepartment(unit)) === undefined) missing.add(unit);
  }
  if (missing.size === 0) return;
  const paths = pointersTo(payload, missing, '/body/payload');
  throw new UnprocessableError(
    '承办单位不存在 (the handling unit does not exist)',
    (paths.length > 0 ? paths : ['/body/payload']).map((path) => ({
      path,
      message: `承办单位不存在 (no department ${[...missing].join(', ')})`,
    })),
  );
};
