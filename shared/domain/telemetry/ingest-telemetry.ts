import { createHash } from 'node:crypto';
import type { Clock } from '../../config/clock.ts';
import type { IngestStore } from '../../ports/ingest-store.ts';
import type { TelemetryStore } from '../../ports/telemetry-store.ts';
import { makeHandle } from '../identifiers/handle.ts';
import type { MeterRecord } from '../registry/records.ts';
import {
  type ChunkPlan,
  type ChunkState,
  chunkReadings,
  type PlanContext,
  planChunk,
  type ReadingChunk,
  ReadingRejection,
} from './ingest-plan.ts';
import { type JudgeDependencies, type JudgedMessage, judgeMessage, messageRefusal } from './judge-message.ts';
import { readingRefusals } from './quarantine-records.ts';
import type { QuarantineRecord, ReadingBatch } from './reading-batch.ts';
import { mergeChunkPlans } from './transaction-plan.ts';

export type { JudgedMessage } from './judge-message.ts';
export { judgeMessage } from './judge-message.ts';

export interface IngestDependencies extends JudgeDependencies {
  /** Quarantine records. */
  store: TelemetryStore;
  ingest: IngestStore;
  clock: Clock;
  handlePrefix: string;
  /** Called after a message applied (or proved a duplicate) with the local hours it touched. */
  afterApply?: (touched: { meter: MeterRecord; hours: string[] }) => Promise<void>;
  /** Backoff between attempts of a chunk; injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
}

export type IngestOutcome = 'applied' | 'duplicate' | 'quarantined';

export interface IngestResult {
  outcome: IngestOutcome;
  quarantine?: QuarantineRecord;
  /** Readings refused on their own, each quarantined; the rest of the message applied. */
  readingsQuarantined: number;
  chunks: { applied: number; duplicate: number };
  /** Transactions that had to be re-read and re-planned (concurrency, redelivery). */
  retries: number;
  afterApplyError?: unknown;
}

export interface IngestOptions {
  /**
   * False when replaying: nothing is quarantined again; a refusal (of the message or of any of its
   * readings) is returned and nothing is applied.
   */
  storeQuarantine?: boolean;
  /** An admin's replay after review: the plausibility checks are overridden (reading-checks.ts). */
  acceptImplausible?: boolean;
}

/** Attempts per chunk before the failure is handed to the rule engine (it retries the message). */
const MAX_ATTEMPTS = 12;
const BACKOFF_MS = 20;
const MAX_BACKOFF_MS = 1000;

const emptyResult = (): IngestResult => ({
  outcome: 'duplicate',
  readingsQuarantined: 0,
  chunks: { applied: 0, duplicate: 0 },
  retries: 0,
});

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

export const planContextOf = (
  judged: JudgedMessage,
  deps: IngestDependencies,
  options: IngestOptions = {},
): PlanContext => ({
  meter: judged.meter,
  batch: judged.batch,
  batchHandle: batchHandleOf(deps.handlePrefix, judged.batch),
  library: deps.library,
  accounting: judged.accounting,
  timeZone: deps.timeZone,
  ...(judged.limit ? { limit: judged.limit } : {}),
  ...(options.acceptImplausible ? { acceptImplausible: true } : {}),
});

/** The whole message's refusal when every one of its readings was refused. */
export const refusalOf = (judged: JudgedMessage, rejection: ReadingRejection): QuarantineRecord =>
  messageRefusal(judged.event, judged.now, judged.batch, rejection.reason, rejection.issues);

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
  const ctx = planContextOf(judged, deps, options);
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

/** One try of a chunk: read (unless blind), plan, quarantine refused readings, write. */
const attemptChunk = async (
  run: ChunkRun,
  blind: boolean,
): Promise<'applied' | 'duplicate' | 'retry' | ReadingRejection> => {
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

/** Plans and writes one chunk, re-reading and re-planning when a condition or a conflict says so. */
const applyWithRetries = async (run: ChunkRun): Promise<'applied' | 'duplicate' | ReadingRejection> => {
  const { ctx, deps, result } = run;
  for (let attempt = 1; ; attempt++) {
    // Interval meters need no state to plan: the first try writes blind, dedup rests on the condition.
    const blind = ctx.meter.readingKind !== 'cumulative' && !run.readFirst && attempt === 1;
    const outcome = await attemptChunk(run, blind);
    if (outcome !== 'retry') return outcome;
    if (attempt >= MAX_ATTEMPTS)
      throw new Error(
        `message ${ctx.batch.messageId} of ${ctx.meter.id}: still contended after ${attempt} attempts`,
      );
    result.retries += 1;
    // The first re-read is immediate (a redelivery is then known as a duplicate at once); contention
    // beyond that backs off exponentially with jitter.
    if (attempt > 1)
      await (deps.sleep ?? defaultSleep)(
        Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** (attempt - 2)) * (0.5 + Math.random()),
      );
  }
};

/** A plan, or the refusal of the whole message when every reading of it was refused. */
export const tryPlan = (ctx: PlanContext, chunk: ReadingChunk, state: ChunkState) => {
  try {
    return planChunk(ctx, chunk, state);
  } catch (error) {
    if (error instanceof ReadingRejection) return error;
    throw error;
  }
};

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A stable identifier of the message's batch: `<prefix>/batch.<meter>_<16 hex of sha256(message id)>`. */
export const batchHandleOf = (prefix: string, batch: Pick<ReadingBatch, 'meterId' | 'messageId'>): string => {
  const digest = createHash('sha256').update(batch.messageId).digest('hex').slice(0, 16);
  return makeHandle(prefix, 'batch', `${batch.meterId.replace(/[^A-Za-z0-9_-]/g, '-')}_${digest}`);
};
