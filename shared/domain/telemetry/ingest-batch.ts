import type { MeterRecord } from '../registry/records.ts';
import { batchLookups } from './batch-lookups.ts';
import { type ChunkState, chunkReadings, type ReadingChunk, ReadingRejection } from './ingest-plan.ts';
import {
  applyMessage,
  defaultSleep,
  type IngestDependencies,
  type IngestOutcome,
  type JudgedMessage,
  judgeMessage,
  planContextOf,
  refusalOf,
  settleRejected,
  tryPlan,
} from './ingest-telemetry.ts';
import type { QuarantineRecord } from './reading-batch.ts';
import {
  MAX_TRANSACTION_ITEMS,
  mergeChunkPlans,
  type PlannedChunk,
  transactionKeysOf,
} from './transaction-plan.ts';

/** One record of a queue batch: the queue's id for it and the rule's output. */
export interface QueuedMessage {
  id: string;
  event: unknown;
}

export interface BatchIngestSummary {
  outcomes: Record<IngestOutcome, number>;
  /** Records that could not be handled (infrastructure failures): the queue redelivers them. */
  failed: { id: string; error: unknown }[];
  /** Transactions that carried several messages, and the messages they carried. */
  mergedTransactions: number;
  mergedMessages: number;
  /** Messages re-run one by one because their merged transaction found a condition failed. */
  fallbacks: number;
  afterApplyErrors: unknown[];
}

/** Tries of a merged transaction that found its items busy before its messages go one by one. */
const MAX_CONTENDED_TRIES = 4;
const CONTENDED_BACKOFF_MS = 15;

interface Candidate {
  record: QueuedMessage;
  judged: JudgedMessage;
  chunk: ReadingChunk;
}
interface Planned extends Candidate {
  planned: PlannedChunk;
}

/**
 * A batch of telemetry messages from the queue, exactly once each, in as few transactions as the
 * batch allows. Single-chunk messages are planned together and merged: each transaction writes a
 * shared item (the city's hour, an enterprise's day, a meter's month) once with the sum of its
 * messages, and carries every message's marker, so it applies all of them or none. When a merged
 * transaction finds a condition failed (one of its messages was applied before, a register moved, a
 * batch log filled up), its messages go one by one through the single-message path, which re-reads
 * and sorts the duplicate from the rest. Per message the outcome is what `ingestTelemetry` gives.
 */
export const ingestTelemetryBatch = async (
  records: readonly QueuedMessage[],
  deps: IngestDependencies,
): Promise<BatchIngestSummary> => {
  const run = new BatchRun(deps);
  const { candidates, multiChunk } = await run.judge(records);
  for (const round of registerRounds(candidates)) {
    // Groups one after another: they share the city and industry items, so in parallel they would
    // only contend with each other.
    for (const group of packTransactions(await run.plan(round))) await run.applyGroup(group);
  }
  for (const { record, judged } of multiChunk) await run.oneByOne(record, judged, false);
  await run.afterApply();
  return run.summary;
};

class BatchRun {
  readonly summary: BatchIngestSummary = {
    outcomes: { applied: 0, duplicate: 0, quarantined: 0 },
    failed: [],
    mergedTransactions: 0,
    mergedMessages: 0,
    fallbacks: 0,
    afterApplyErrors: [],
  };
  readonly #deps: IngestDependencies;
  readonly #now: Date;
  /** Per enterprise and industry: a meter of it and the hours the batch changed (budget checks). */
  readonly #touched = new Map<string, { meter: MeterRecord; hours: Set<string> }>();

  constructor(deps: IngestDependencies) {
    this.#deps = deps;
    this.#now = deps.clock();
  }

  /** Judges every record; quarantines the refused, drops in-batch repeats, sorts the rest. */
  async judge(records: readonly QueuedMessage[]) {
    const lookups = {
      ...this.#deps,
      ...(await batchLookups(
        this.#deps,
        records.map((record) => record.event),
      )),
    };
    const verdicts = await Promise.all(
      records.map(async (record) => {
        try {
          return { record, verdict: await judgeMessage(record.event, lookups, this.#now) };
        } catch (error) {
          this.summary.failed.push({ id: record.id, error });
          return undefined;
        }
      }),
    );
    const seen = new Set<string>();
    const candidates: Candidate[] = [];
    const multiChunk: { record: QueuedMessage; judged: JudgedMessage }[] = [];
    for (const { record, verdict } of verdicts.filter((v) => v !== undefined)) {
      if ('reason' in verdict) {
        await this.#quarantine(record, verdict);
        continue;
      }
      // The same message twice in one batch (a device's retry): merged, its markers would not see
      // each other, so the repeat is known as a duplicate here.
      const id = `${verdict.meter.id}\u0000${verdict.batch.messageId}`;
      if (seen.has(id)) {
        this.summary.outcomes.duplicate += 1;
        continue;
      }
      seen.add(id);
      const chunks = chunkReadings(verdict.batch.readings, verdict.meter.readingKind, this.#deps.timeZone);
      const [chunk] = chunks;
      if (chunks.length === 1 && chunk !== undefined) candidates.push({ record, judged: verdict, chunk });
      else multiChunk.push({ record, judged: verdict });
    }
    return { candidates, multiChunk };
  }

  async plan(round: readonly Candidate[]): Promise<Planned[]> {
    const planned: Planned[] = [];
    await Promise.all(
      round.map(async (candidate) => {
        try {
          const outcome = await planCandidate(candidate, this.#deps);
          if (outcome instanceof ReadingRejection) await this.#refuse(candidate, outcome);
          else if (outcome === 'duplicate') this.summary.outcomes.duplicate += 1;
          // A read that saw a concurrent message half written: the single-message path reads again.
          else if (outcome === 'stale') await this.oneByOne(candidate.record, candidate.judged, true);
          else planned.push({ ...candidate, planned: outcome });
        } catch (error) {
          this.summary.failed.push({ id: candidate.record.id, error });
        }
      }),
    );
    // By hour, then meter: neighbours in this order share the most items (the same city, industry
    // and enterprise hour; the same meter day), so the packing fills each transaction with the most
    // messages. The order is total, so the packing does not depend on the planning's timing.
    const orderOf = (p: Planned) => `${p.chunk.hours[0] ?? ''}\u0000${p.judged.meter.id}\u0000${p.record.id}`;
    return planned.sort((a, b) => (orderOf(a) < orderOf(b) ? -1 : orderOf(a) > orderOf(b) ? 1 : 0));
  }

  async applyGroup(group: readonly Planned[]): Promise<void> {
    if (group.length > 1 && (await applyMerged(group, this.#deps))) {
      this.summary.mergedTransactions += 1;
      this.summary.mergedMessages += group.length;
      for (const member of group) this.#applied(member.judged, member.chunk.hours);
      return;
    }
    if (group.length > 1) this.summary.fallbacks += group.length;
    for (const member of group) await this.oneByOne(member.record, member.judged, group.length > 1);
  }

  /** The single-message path: every chunk re-read, retried and deduplicated on its own. */
  async oneByOne(record: QueuedMessage, judged: JudgedMessage, readFirst: boolean): Promise<void> {
    try {
      const result = await applyMessage(judged, this.#deps, readFirst);
      if (result instanceof ReadingRejection) await this.#refuse({ record, judged }, result);
      else if (result.result.outcome === 'applied') this.#applied(judged, result.hours);
      else this.summary.outcomes.duplicate += 1;
    } catch (error) {
      this.summary.failed.push({ id: record.id, error });
    }
  }

  /** Budget checks once per enterprise and industry the batch changed, over the hours it changed. */
  async afterApply(): Promise<void> {
    if (!this.#deps.afterApply) return;
    for (const { meter, hours } of this.#touched.values()) {
      try {
        await this.#deps.afterApply({ meter, hours: [...hours].sort() });
      } catch (error) {
        this.summary.afterApplyErrors.push(error);
      }
    }
  }

  #applied(judged: JudgedMessage, hours: readonly string[]): void {
    this.summary.outcomes.applied += 1;
    const key = `${judged.meter.enterpriseId}\u0000${judged.meter.industryCode}`;
    const entry = this.#touched.get(key) ?? { meter: judged.meter, hours: new Set<string>() };
    for (const hour of hours) entry.hours.add(hour);
    this.#touched.set(key, entry);
  }

  #refuse(message: Pick<Candidate, 'record' | 'judged'>, rejection: ReadingRejection): Promise<void> {
    return this.#quarantine(message.record, refusalOf(message.judged, rejection));
  }

  async #quarantine(record: QueuedMessage, refusal: QuarantineRecord): Promise<void> {
    try {
      await this.#deps.store.quarantine(refusal);
      this.summary.outcomes.quarantined += 1;
    } catch (error) {
      this.summary.failed.push({ id: record.id, error });
    }
  }
}

/**
 * Rounds in which the candidates may share transactions: a cumulative meter's plan rests on the
 * registers it read, so each round holds at most one message per cumulative meter (the next one is
 * planned after it committed); interval meters need no read and all go in the first round.
 */
const registerRounds = (candidates: readonly Candidate[]): Candidate[][] => {
  const rounds: Candidate[][] = [];
  const perMeter = new Map<string, number>();
  for (const candidate of candidates) {
    const cumulative = candidate.judged.meter.readingKind === 'cumulative';
    const index = cumulative ? (perMeter.get(candidate.judged.meter.id) ?? 0) : 0;
    if (cumulative) perMeter.set(candidate.judged.meter.id, index + 1);
    const round = rounds[index] ?? [];
    round.push(candidate);
    rounds[index] = round;
  }
  return rounds;
};

/** Interval meters plan blind (dedup rests on the markers' conditions); cumulative ones read first. */
const planCandidate = async (
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

/** Consecutive plans, each group as many as fit in one transaction's 100 items. */
const packTransactions = (planned: readonly Planned[]): Planned[][] => {
  const groups: Planned[][] = [];
  let current: Planned[] = [];
  let keys = new Set<string>();
  for (const member of planned) {
    const own = transactionKeysOf(member.planned);
    const added = own.filter((key) => !keys.has(key)).length;
    if (current.length > 0 && keys.size + added > MAX_TRANSACTION_ITEMS) {
      groups.push(current);
      current = [];
      keys = new Set();
    }
    current.push(member);
    for (const key of own) keys.add(key);
  }
  if (current.length > 0) groups.push(current);
  return groups;
};

/** True when the merged transaction committed; false sends its messages one by one. */
const applyMerged = async (group: readonly Planned[], deps: IngestDependencies): Promise<boolean> => {
  const plan = mergeChunkPlans(group.map((member) => member.planned));
  for (let attempt = 1; attempt <= MAX_CONTENDED_TRIES; attempt += 1) {
    let outcome: Awaited<ReturnType<IngestDependencies['ingest']['apply']>>;
    try {
      outcome = await deps.ingest.apply(plan);
    } catch {
      // Whatever failed the whole (an item grown too large, a throttled table), one by one will tell.
      return false;
    }
    if (outcome === 'applied') return true;
    if (outcome === 'conditionFailed') return false;
    await (deps.sleep ?? defaultSleep)(CONTENDED_BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + Math.random()));
  }
  return false;
};
