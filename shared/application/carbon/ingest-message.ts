import {
  type ChunkPlan,
  type ChunkState,
  chunkReadings,
  type PlanContext,
  type ReadingChunk,
  ReadingRejection,
} from '../../domain/carbon/ingest/ingest-plan.ts';
import { type JudgedMessage, judgeMessage } from '../../domain/carbon/ingest/judge-message.ts';
import { planContextOf, refusalOf, tryPlan } from '../../domain/carbon/ingest/message-plan.ts';
import { readingRefusals } from '../../domain/carbon/ingest/quarantine-records.ts';
import type { QuarantineRecord } from '../../domain/carbon/ingest/reading-batch.ts';
import { mergeChunkPlans } from '../../domain/carbon/ingest/transaction-plan.ts';
import {
  emptyResult,
  type IngestDependencies,
  type IngestOptions,
  type IngestResult,
} from './ingest-dependencies.ts';
import { chunkPolicy, retrying, TryAgain } from './retry-policies.ts';

/**
 * One telemetry message, exactly once: judged (contract, meter, kinds of value), accounted, and
 * applied chunk by chunk, each chunk in one DynamoDB transaction that also carries its dedup marker.
 * A redelivery, a retry after a crash between chunks, or a replay applies only what is missing.
 * Bad input is quarantined with the reason — a bad value only by itself, the rest of its message
 * applying; infrastructure failures throw (the caller retries).
 */
export const ingestTelemetry = async (
  event: unknown,
  deps: IngestDependencies,
  options: IngestOptions = {},
): Promise<IngestResult> => {
  const now = deps.clock();
  const refuse = async (record: QuarantineRecord): Promise<IngestResult> => {
    if (options.storeQuarantine !== false) await deps.store.quarantine(record);
    return { ...emptyResult(), outcome: 'quarantined', quarantine: record };
  };
  const judged = await judgeMessage(event, deps, now);
  if ('reason' in judged) return refuse(judged);
  const applied = await applyMessage(judged, deps, false, options);
  if (applied instanceof ReadingRejection) return refuse(refusalOf(judged, applied));
  if (deps.afterApply) {
    try {
      await deps.afterApply({ meter: judged.meter, hours: applied.hours });
    } catch (error) {
      applied.result.afterApplyError = error;
    }
  }
  return applied.result;
};

/**
 * Readings a plan refused on their own: quarantined one entry each BEFORE the rest is applied
 * (the entries are deterministic, so a retry writes them again harmlessly; applied first, a crash
 * would leave them lost behind the message's marker). A replay refuses instead: it applies all of
 * what it replays or nothing.
 */
export const settleRejected = async (
  judged: JudgedMessage,
  plan: ChunkPlan,
  deps: IngestDependencies,
  options: IngestOptions = {},
): Promise<ReadingRejection | undefined> => {
  if (plan.rejected.length === 0) return undefined;
  if (options.storeQuarantine === false)
    return new ReadingRejection(
      plan.rejected[0]?.reason ?? 'implausible',
      plan.rejected.map(({ path, message }) => ({ path, message })),
    );
  for (const record of readingRefusals(judged.event, judged.now, judged.batch, plan.rejected))
    await deps.store.quarantine(record);
  return undefined;
};

/** Applies a judged message chunk by chunk; `readFirst` skips the blind first try of interval meters. */
export const applyMessage = async (
  judged: JudgedMessage,
  deps: IngestDependencies,
  readFirst = false,
  options: IngestOptions = {},
): Promise<{ result: IngestResult; hours: string[] } | ReadingRejection> => {
  const ctx = planContextOf(judged, deps, options.acceptImplausible);
  const result = emptyResult();
  const hours: string[] = [];
  for (const chunk of chunkReadings(judged.batch.readings, judged.meter.readingKind, deps.timeZone)) {
    hours.push(...chunk.hours);
    const applied = await applyWithRetries({ ctx, judged, chunk, deps, result, readFirst, options });
    if (applied instanceof ReadingRejection) return applied;
    result.chunks[applied] += 1;
  }
  result.outcome = result.chunks.applied > 0 ? 'applied' : 'duplicate';
  return { result, hours };
};

interface ChunkRun {
  ctx: PlanContext;
  judged: JudgedMessage;
  chunk: ReadingChunk;
  deps: IngestDependencies;
  result: IngestResult;
  readFirst: boolean;
  options: IngestOptions;
}

type ChunkOutcome = 'applied' | 'duplicate' | ReadingRejection;

/** One try of a chunk: read (unless blind), plan, quarantine refused readings, write. */
const attemptChunk = async (run: ChunkRun, blind: boolean): Promise<ChunkOutcome | 'retry'> => {
  const { ctx, chunk, deps } = run;
  const cumulative = ctx.meter.readingKind === 'cumulative';
  const state: ChunkState = blind
    ? { hours: [], read: false }
    : await deps.ingest.readChunkState(ctx.meter.id, chunk.hours, cumulative);
  const decision = tryPlan(ctx, chunk, state);
  if (decision instanceof ReadingRejection || decision.kind === 'duplicate')
    return decision instanceof ReadingRejection ? decision : 'duplicate';
  if (decision.kind === 'stale') return 'retry';
  const refused = await settleRejected(run.judged, decision, deps, run.options);
  if (refused) return refused;
  const plan = mergeChunkPlans([{ meterId: ctx.meter.id, messageId: ctx.batch.messageId, plan: decision }]);
  if ((await deps.ingest.apply(plan)) !== 'applied') return 'retry';
  run.result.readingsQuarantined += decision.rejected.length;
  return 'applied';
};

/**
 * Plans and writes one chunk, re-reading and re-planning when a condition or a conflict says so.
 * Interval meters need no state to plan: the first try writes blind, dedup rests on the condition.
 */
const applyWithRetries = async (run: ChunkRun): Promise<ChunkOutcome> => {
  const blind = run.ctx.meter.readingKind !== 'cumulative' && !run.readFirst;
  const first = await attemptChunk(run, blind);
  if (first !== 'retry') return first;
  run.result.retries += 1;
  const policy = chunkPolicy(run.deps.backoffMs, () => {
    run.result.retries += 1;
  });
  return retrying(async (attemptNumber) => {
    const outcome = await attemptChunk(run, false);
    if (outcome !== 'retry') return outcome;
    const { batch, meter } = run.ctx;
    throw new TryAgain(
      `message ${batch.messageId} of ${meter.id}: still contended after ${attemptNumber + 1} attempts`,
    );
  }, policy);
};
