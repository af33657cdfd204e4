import { type ChunkState, ReadingRejection } from '../../domain/carbon/ingest/ingest-plan.ts';
import { planContextOf, tryPlan } from '../../domain/carbon/ingest/message-plan.ts';
import type { Candidate } from '../../domain/carbon/ingest/transaction-packing.ts';
import type { PlannedChunk, TransactionPlan } from '../../domain/carbon/ingest/transaction-plan.ts';
import type { IngestDependencies } from './ingest-dependencies.ts';
import { settleRejected } from './ingest-message.ts';
import { mergedPolicy, retrying, TryAgain } from './retry-policies.ts';

/** The two steps of a queue batch (ingest-batch.ts) that talk to the store: plan a message, write a group. */

/** Interval meters plan blind (dedup rests on the markers' conditions); cumulative ones read first. */
export const planCandidate = async (
  candidate: Candidate,
  deps: IngestDependencies,
): Promise<PlannedChunk | 'duplicate' | 'stale' | ReadingRejection> => {
  const { judged, chunk } = candidate;
  const cumulative = judged.meter.readingKind === 'cumulative';
  const state: ChunkState = cumulative
    ? await deps.ingest.readChunkState(judged.meter.id, chunk.hours, true)
    : { hours: [], read: false };
  const decision = tryPlan(planContextOf(judged, deps), chunk, state);
  if (decision instanceof ReadingRejection) return decision;
  if (decision.kind === 'duplicate' || decision.kind === 'stale') return decision.kind;
  // Readings refused on their own are quarantined before the rest is written (settleRejected).
  await settleRejected(judged, decision, deps);
  return { meterId: judged.meter.id, messageId: judged.batch.messageId, plan: decision };
};

/**
 * True when the merged transaction committed; false sends its messages one by one: at once when a
 * condition failed or the write threw (an item grown too large, a throttled table — one by one will
 * tell), after a few tries when its items stayed busy.
 */
export const applyMerged = async (plan: TransactionPlan, deps: IngestDependencies): Promise<boolean> => {
  try {
    return await retrying(async () => {
      const outcome = await deps.ingest.apply(plan).catch(() => 'failed' as const);
      if (outcome === 'contended') throw new TryAgain('merged transaction contended');
      return outcome === 'applied';
    }, mergedPolicy(deps.backoffMs));
  } catch {
    return false;
  }
};
