import { deferShared } from '../../domain/carbon/ingest/deferred-deltas.ts';
import { chunkReadings, ReadingRejection } from '../../domain/carbon/ingest/ingest-plan.ts';
import { type JudgedMessage, judgeMessage } from '../../domain/carbon/ingest/judge-message.ts';
import { refusalOf } from '../../domain/carbon/ingest/message-plan.ts';
import type { QuarantineRecord } from '../../domain/carbon/ingest/reading-batch.ts';
import {
  type Candidate,
  inPackingOrder,
  type Planned,
  packTransactions,
  registerRounds,
} from '../../domain/carbon/ingest/transaction-packing.ts';
import {
  mergeChunkPlans,
  type TransactionPlan,
  transactionItemKeys,
} from '../../domain/carbon/ingest/transaction-plan.ts';
import type { MeterRecord } from '../../domain/registry/records.ts';
import { batchLookups } from './batch-lookups.ts';
import { applyMerged, planCandidate } from './batch-steps.ts';
import { BatchFolds, type DeferredSummary } from './fold-pending.ts';
import { afterSharedKeys } from './group-schedule.ts';
import type { IngestDependencies, IngestOutcome } from './ingest-dependencies.ts';
import { applyMessage } from './ingest-message.ts';

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
  /**
   * Deferred shared items: pending items this batch wrote, folded and swept (a crash's leftovers),
   * fold transactions cancelled by contention; a fold that failed leaves its items to a later sweep.
   */
  deferred: DeferredSummary;
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
  const [{ candidates, multiChunk }] = await Promise.all([run.judge(records), run.folds.sweep(deps.clock())]);
  for (const round of registerRounds(candidates)) {
    const groups = packTransactions(await run.plan(round), deps.ingest.maxTransactionItems);
    // Deferred, groups share no item but a meter's or an enterprise's split between two (they wait
    // for each other); in place, they all share the city's items and go one after another. A lone
    // group has nothing to run beside: in place it saves the fold's transaction (a small batch's).
    if (deps.pending && groups.length > 1) await run.applyConcurrently(groups);
    else for (const group of groups) await run.applyGroup(group, run.groupPlan(group, false));
  }
  for (const { recordId, judged } of multiChunk) await run.oneByOne(recordId, judged, false);
  await run.folds.fold();
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
    deferred: { pending: 0, folded: 0, swept: 0, contended: 0, errors: [] },
  };
  readonly #deps: IngestDependencies;
  readonly #now: Date;
  /** Per enterprise and industry: a meter of it and the hours the batch changed (budget checks). */
  readonly #touched = new Map<string, { meter: MeterRecord; hours: Set<string> }>();
  /** Pending items of this batch's committed groups, folded at its end; a crash's, swept. */
  readonly folds: BatchFolds;

  constructor(deps: IngestDependencies) {
    this.#deps = deps;
    this.#now = deps.clock();
    this.folds = new BatchFolds(deps.pending, this.summary.deferred, deps.backoffMs);
  }

  /** Judges every record; quarantines the refused, drops in-batch repeats, sorts the rest. */
  async judge(records: readonly QueuedMessage[]) {
    const events = records.map((record) => record.event);
    const lookups = { ...this.#deps, ...(await batchLookups(this.#deps, events)) };
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
    const multiChunk: { recordId: string; judged: JudgedMessage }[] = [];
    for (const { record, verdict } of verdicts.filter((v) => v !== undefined)) {
      if ('reason' in verdict) {
        await this.#quarantine(record.id, verdict);
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
      if (chunks.length === 1 && chunk !== undefined)
        candidates.push({ recordId: record.id, judged: verdict, chunk });
      else multiChunk.push({ recordId: record.id, judged: verdict });
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
          else if (outcome === 'stale') await this.oneByOne(candidate.recordId, candidate.judged, true);
          else planned.push({ ...candidate, planned: outcome });
        } catch (error) {
          this.summary.failed.push({ id: candidate.recordId, error });
        }
      }),
    );
    return inPackingOrder(planned);
  }

  /** Each group as soon as the earlier groups it shares an item with are done (group-schedule.ts). */
  applyConcurrently(groups: readonly Planned[][]): Promise<void> {
    const planned = groups.map((group) => ({ group, plan: this.groupPlan(group, true) }));
    return afterSharedKeys(
      planned,
      ({ plan }) => transactionItemKeys(plan),
      ({ group, plan }) => this.applyGroup(group, plan),
    );
  }

  async applyGroup(group: readonly Planned[], plan: TransactionPlan): Promise<void> {
    // Deferred, a group of one goes the merged way too: the single path writes the city in place.
    if ((group.length > 1 || plan.pending) && (await applyMerged(plan, this.#deps))) {
      this.summary.mergedTransactions += 1;
      this.summary.mergedMessages += group.length;
      if (plan.pending) this.folds.pending.push(plan.pending);
      for (const member of group) this.#applied(member.judged, member.chunk.hours);
      return;
    }
    if (group.length > 1) this.summary.fallbacks += group.length;
    for (const member of group) await this.oneByOne(member.recordId, member.judged, group.length > 1);
  }

  /** The group's merged transaction; `defer`: its city and industry deltas in a pending item. */
  groupPlan(group: readonly Planned[], defer: boolean): TransactionPlan {
    const chunks = group.map((member) => member.planned);
    const plan = mergeChunkPlans(chunks);
    return defer ? deferShared(plan, chunks, this.#now.toISOString()) : plan;
  }

  /** The single-message path: every chunk re-read, retried and deduplicated on its own. */
  async oneByOne(recordId: string, judged: JudgedMessage, readFirst: boolean): Promise<void> {
    try {
      const result = await applyMessage(judged, this.#deps, readFirst);
      if (result instanceof ReadingRejection) await this.#refuse({ recordId, judged }, result);
      else if (result.result.outcome === 'applied') this.#applied(judged, result.hours);
      else this.summary.outcomes.duplicate += 1;
    } catch (error) {
      this.summary.failed.push({ id: recordId, error });
    }
  }

  /**
   * Budget checks once per enterprise and industry the batch changed, over the hours it changed, all
   * at once: one after another they took as long as the batch's transactions (a district batch
   * touches ~10 enterprises; docs/performance.md). Checks that meet on a shared budget (the city's)
   * raise its alert once: the alert's put is conditional (alert-writer.ts).
   */
  async afterApply(): Promise<void> {
    const { afterApply } = this.#deps;
    if (!afterApply) return;
    await Promise.all(
      [...this.#touched.values()].map(async ({ meter, hours }) => {
        try {
          await afterApply({ meter, hours: [...hours].sort() });
        } catch (error) {
          this.summary.afterApplyErrors.push(error);
        }
      }),
    );
  }

  #applied(judged: JudgedMessage, hours: readonly string[]): void {
    this.summary.outcomes.applied += 1;
    const key = `${judged.meter.enterpriseId}\u0000${judged.meter.industryCode}`;
    const entry = this.#touched.get(key) ?? { meter: judged.meter, hours: new Set<string>() };
    for (const hour of hours) entry.hours.add(hour);
    this.#touched.set(key, entry);
  }

  #refuse(message: Pick<Candidate, 'recordId' | 'judged'>, rejection: ReadingRejection): Promise<void> {
    return this.#quarantine(message.recordId, refusalOf(message.judged, rejection));
  }

  async #quarantine(recordId: string, refusal: QuarantineRecord): Promise<void> {
    try {
      await this.#deps.store.quarantine(refusal);
      this.summary.outcomes.quarantined += 1;
    } catch (error) {
      this.summary.failed.push({ id: recordId, error });
    }
  }
}
