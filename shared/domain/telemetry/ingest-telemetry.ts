import { createHash } from 'node:crypto';
import type { Clock } from '../../config/clock.ts';
import type { IngestStore } from '../../ports/ingest-store.ts';
import type { TelemetryStore } from '../../ports/telemetry-store.ts';
import { AccountingError } from '../carbon/errors.ts';
import type { FactorLibrary } from '../carbon/factors.ts';
import type { GwpSet } from '../carbon/gwp.ts';
import { readingEmissions } from '../emissions/reading-emissions.ts';
import { localPeriodsOf } from '../emissions/rollup-model.ts';
import { makeHandle } from '../identifiers/handle.ts';
import type { MeterRecord } from '../registry/records.ts';
import {
  absurdLimit,
  type ChunkState,
  chunkReadings,
  type PlanContext,
  planChunk,
  type ReadingChunk,
  ReadingRejection,
} from './ingest-plan.ts';
import { makeQuarantineId } from './quarantine-id.ts';
import { judgeTelemetryEvent, type QuarantineRecord, type ReadingBatch } from './reading-batch.ts';
import { mergeChunkPlans } from './transaction-plan.ts';

export interface IngestDependencies {
  /** Quarantine records. */
  store: TelemetryStore;
  ingest: IngestStore;
  meters: { getMeter(id: string): Promise<MeterRecord | undefined> };
  /** The meter's device credential, when the deployment keeps one (revoked → quarantine). */
  credentials?: { get(meterId: string): Promise<{ status: 'active' | 'revoked' } | undefined> };
  clock: Clock;
  newId: () => string;
  library: FactorLibrary;
  gwpSet: GwpSet;
  timeZone: string;
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
  chunks: { applied: number; duplicate: number };
  /** Transactions that had to be re-read and re-planned (concurrency, redelivery). */
  retries: number;
  afterApplyError?: unknown;
}

export interface IngestOptions {
  /** False when replaying: the refusal is returned, not stored again. */
  storeQuarantine?: boolean;
}

/** Attempts per chunk before the failure is handed to the rule engine (it retries the message). */
const MAX_ATTEMPTS = 12;
const BACKOFF_MS = 20;
const MAX_BACKOFF_MS = 1000;

/**
 * One telemetry message, exactly once: judged (contract, meter, values), accounted, and applied
 * chunk by chunk, each chunk in one DynamoDB transaction that also carries its dedup marker.
 * A redelivery, a retry after a crash between chunks, or a replay applies only what is missing.
 * Bad input is quarantined with the reason; infrastructure failures throw (the caller retries).
 */
export const ingestTelemetry = async (
  event: unknown,
  deps: IngestDependencies,
  options: IngestOptions = {},
): Promise<IngestResult> => {
  const now = deps.clock();
  const refuse = async (record: QuarantineRecord): Promise<IngestResult> => {
    if (options.storeQuarantine !== false) await deps.store.quarantine(record);
    return { outcome: 'quarantined', quarantine: record, chunks: { applied: 0, duplicate: 0 }, retries: 0 };
  };
  const judged = await judgeMessage(event, deps, now);
  if ('reason' in judged) return refuse(judged);
  const applied = await applyMessage(judged, deps);
  if (applied instanceof ReadingRejection) return refuse(refusalOf(event, now, judged, applied));
  if (deps.afterApply) {
    try {
      await deps.afterApply({ meter: judged.meter, hours: applied.hours });
    } catch (error) {
      applied.result.afterApplyError = error;
    }
  }
  return applied.result;
};

/** A message that passed judgement: its batch, its meter, and the id it is quarantined under if refused later. */
export interface JudgedMessage {
  batch: ReadingBatch;
  meter: MeterRecord;
  quarantineId: string;
}

export const planContextOf = (judged: JudgedMessage, deps: IngestDependencies): PlanContext => ({
  meter: judged.meter,
  batch: judged.batch,
  batchHandle: batchHandleOf(deps.handlePrefix, judged.batch),
  library: deps.library,
  gwpSet: deps.gwpSet,
  timeZone: deps.timeZone,
});

/** The quarantine record of a reading refused once the stored registers were seen. */
export const refusalOf = (
  event: unknown,
  now: Date,
  judged: JudgedMessage,
  rejection: ReadingRejection,
): QuarantineRecord =>
  refusal(event, now, judged.quarantineId, judged.batch, rejection.reason, rejection.path, rejection.message);

/** Applies a judged message chunk by chunk; `readFirst` skips the blind first try of interval meters. */
export const applyMessage = async (
  judged: JudgedMessage,
  deps: IngestDependencies,
  readFirst = false,
): Promise<{ result: IngestResult; hours: string[] } | ReadingRejection> => {
  const ctx = planContextOf(judged, deps);
  const result: IngestResult = { outcome: 'duplicate', chunks: { applied: 0, duplicate: 0 }, retries: 0 };
  const hours: string[] = [];
  for (const chunk of chunkReadings(judged.batch.readings, judged.meter.readingKind, deps.timeZone)) {
    hours.push(...chunk.hours);
    const applied = await applyWithRetries(ctx, chunk, deps, result, readFirst);
    if (applied instanceof ReadingRejection) return applied;
    result.chunks[applied] += 1;
  }
  result.outcome = result.chunks.applied > 0 ? 'applied' : 'duplicate';
  return { result, hours };
};

/** Plans and writes one chunk, re-reading and re-planning when a condition or a conflict says so. */
const applyWithRetries = async (
  ctx: PlanContext,
  chunk: ReadingChunk,
  deps: IngestDependencies,
  result: IngestResult,
  readFirst: boolean,
): Promise<'applied' | 'duplicate' | ReadingRejection> => {
  const cumulative = ctx.meter.readingKind === 'cumulative';
  for (let attempt = 1; ; attempt++) {
    // Interval meters need no state to plan: the first try writes blind, dedup rests on the condition.
    const state: ChunkState =
      cumulative || readFirst || attempt > 1
        ? await deps.ingest.readChunkState(ctx.meter.id, chunk.hours, cumulative)
        : { hours: [], read: false };
    const decision = tryPlan(ctx, chunk, state);
    if (decision instanceof ReadingRejection) return decision;
    if (decision.kind === 'duplicate') return 'duplicate';
    const plan = mergeChunkPlans([{ meterId: ctx.meter.id, messageId: ctx.batch.messageId, plan: decision }]);
    if ((await deps.ingest.apply(plan)) === 'applied') return 'applied';
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

/** A plan, or the rejection of a reading only the stored registers reveal (e.g. an absurd delta). */
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

const refusal = (
  event: unknown,
  now: Date,
  id: string,
  batch: Pick<ReadingBatch, 'meterId' | 'messageId'>,
  reason: string,
  path: string,
  message: string,
): QuarantineRecord => ({
  id,
  receivedAt: now.toISOString(),
  meterId: batch.meterId,
  messageId: batch.messageId,
  reason,
  issues: [{ path, message }],
  original: event,
});

/** The contract, then the registry: the message's meter must exist, be active and not revoked. */
export const judgeMessage = async (
  event: unknown,
  deps: Pick<IngestDependencies, 'meters' | 'credentials' | 'newId' | 'library' | 'gwpSet' | 'timeZone'>,
  now: Date,
): Promise<QuarantineRecord | JudgedMessage> => {
  const quarantineId = makeQuarantineId(now, deps.newId());
  const verdict = judgeTelemetryEvent(event, now, quarantineId);
  if (!verdict.ok) return verdict.quarantine;
  const batch = verdict.batch;
  const refuse = (reason: string, path: string, message: string) =>
    refusal(event, now, quarantineId, batch, reason, path, message);
  const [meter, credential] = await Promise.all([
    deps.meters.getMeter(batch.meterId),
    deps.credentials?.get(batch.meterId),
  ]);
  if (meter === undefined)
    return refuse('unknown meter', '/meterId', `meter ${batch.meterId} is not registered`);
  if (meter.status !== 'active')
    return refuse('meter retired', '/meterId', `meter ${meter.id} is ${meter.status}`);
  if (credential?.status === 'revoked')
    return refuse('meter credential revoked', '/clientId', `the device credential of ${meter.id} is revoked`);
  const problem = judgeReadings(batch, meter) ?? judgeAccounting(batch, meter, deps);
  if (problem) return refuse(problem.reason, problem.path, problem.message);
  return { batch, meter, quarantineId };
};

interface MeterProblem {
  reason: string;
  path: string;
  message: string;
}

/** Each reading has the meter's kind of value, of a plausible size. */
const judgeReadings = (batch: ReadingBatch, meter: MeterRecord): MeterProblem | undefined => {
  const wants = meter.readingKind === 'cumulative' ? 'register' : 'quantity';
  const limit = absurdLimit(meter.unit, meter.expectedIntervalSeconds / 3600);
  for (const [index, reading] of batch.readings.entries()) {
    if (reading[wants] === undefined)
      return {
        reason: 'reading kind mismatch',
        path: `/readings/${index}`,
        message: `meter ${meter.id} is ${meter.readingKind}: each reading needs "${wants}"`,
      };
    if ((reading.quantity ?? 0) > limit)
      return {
        reason: 'absurd value',
        path: `/readings/${index}/quantity`,
        message: `${reading.quantity} ${meter.unit} exceeds the plausible ${limit} per ${meter.expectedIntervalSeconds} s`,
      };
    if ((reading.register ?? 0) > (meter.rolloverValue ?? Number.POSITIVE_INFINITY))
      return {
        reason: 'absurd value',
        path: `/readings/${index}/register`,
        message: `register ${reading.register} is above the rollover value ${meter.rolloverValue}`,
      };
  }
  return undefined;
};

/** The same meter and year always account the same way: probe each year once with a zero quantity. */
const judgeAccounting = (
  batch: ReadingBatch,
  meter: MeterRecord,
  deps: Pick<IngestDependencies, 'library' | 'gwpSet' | 'timeZone'>,
): MeterProblem | undefined => {
  const years = new Set(
    batch.readings.map((r) => localPeriodsOf(new Date(r.ts), deps.timeZone).month.slice(0, 4)),
  );
  for (const year of years) {
    try {
      readingEmissions(meter, 0, Number(year), deps.library, deps.gwpSet);
    } catch (error) {
      if (!(error instanceof AccountingError)) throw error;
      return { reason: error.code, path: error.field ?? '/meter', message: error.message };
    }
  }
  return undefined;
};

/** A stable identifier of the message's batch: `<prefix>/batch.<meter>_<16 hex of sha256(message id)>`. */
export const batchHandleOf = (prefix: string, batch: Pick<ReadingBatch, 'meterId' | 'messageId'>): string => {
  const digest = createHash('sha256').update(batch.messageId).digest('hex').slice(0, 16);
  return makeHandle(prefix, 'batch', `${batch.meterId.replace(/[^A-Za-z0-9_-]/g, '-')}_${digest}`);
};
