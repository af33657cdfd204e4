import { dataRows, isFileSyntaxError } from '../../domain/imports/file-rows.ts';
import type { ImportRecord, RefusedRow } from '../../domain/imports/import-record.ts';
import type { Refusal } from '../../domain/imports/judge-row.ts';
import { refusedCsv } from '../../domain/imports/refused-csv.ts';
import { type SlotBooking, settle } from '../../domain/imports/slot.ts';
import { templateOf } from '../../domain/imports/templates.ts';
import type { ImportFiles } from '../../ports/import-store.ts';
import { sweepPending } from '../carbon/fold-pending.ts';
import type { ProgressSink } from '../jobs/run-checkpointed.ts';
import { bookTogether } from './book-together.ts';
import {
  applyRow,
  countOutcome,
  newRunCache,
  type ProposedRow,
  processRow,
  type RowDeps,
  type RowOutcome,
  type RunCache,
  resolveTarget,
} from './import-rows.ts';
import { memoised } from './merged-apply.ts';
import { RunSlots } from './run-slots.ts';

/**
 * The import job over one file (docs/imports.md, "Jobs"): streams the rows, judges and applies each,
 * and checkpoints every CHECKPOINT_ROWS rows (refused rows written first, then rows done and counts).
 * A run that stops anywhere resumes after the last checkpoint; rows after it are processed again,
 * which the slots make harmless (import-rows.ts).
 */

export const CHECKPOINT_ROWS = 200;
/**
 * Rows of different accounts are independent: each checkpoint's rows are split into lanes by
 * account and the lanes run at once (a lane keeps its rows in file order, so the same account's rows
 * — the only ones that can be duplicates of each other — are judged one after the other).
 */
export const DEFAULT_LANES = 8;

export interface RunDeps extends RowDeps {
  files: ImportFiles;
  progress?: ProgressSink;
  /** Rows in flight at once (lanes by account); DEFAULT_LANES when absent. */
  lanes?: number;
}

export interface RunLimits {
  /** Stops the run after this many rows without finishing (tests stage a crash with it). */
  stopAfterRows?: number;
  /**
   * The invocation's time budget: no checkpoint starts after it. The run stops at the checkpoint
   * reached, the import still `running` (a withdrawal still `withdrawing`, run-withdrawal.ts), and
   * the next run resumes it — before the lease lapses, so no second worker takes up an import this
   * one is still booking (process-imports.ts).
   */
  until?: Date;
}

/** Whether a run has spent its invocation's budget: it starts no further checkpoint. */
export const budgetSpent = (limits: RunLimits, now: Date): boolean =>
  limits.until !== undefined && now >= limits.until;

class ImportRun {
  readonly record: ImportRecord;
  readonly cache: RunCache = newRunCache();
  refused: RefusedRow[] = [];
  ran = 0;

  readonly deps: RunDeps;

  constructor(deps: RunDeps, claimed: ImportRecord) {
    // Meters and enterprises read once a run, the slots once an account meter (run-slots.ts).
    this.deps = memoised(deps);
    this.cache.slots = new RunSlots(deps.store);
    this.record = { ...claimed, counts: structuredClone(claimed.counts) };
  }

  async checkpoint(rowsDone: number) {
    await this.deps.store.putRefused(this.record.id, this.refused);
    this.refused = [];
    await this.deps.store.update(this.record.id, { rowsDone, counts: this.record.counts });
    this.deps.progress?.(rowsDone, this.record.totalRows ?? rowsDone);
  }

  /** A row before the checkpoint is only remembered, so a later row of its slot is still a duplicate. */
  async remember(line: number, fields: Record<string, string>) {
    const target = await resolveTarget(this.deps, this.cache, this.record, fields);
    if ('slotKey' in target && !this.cache.seen.has(target.slotKey))
      this.cache.seen.set(target.slotKey, line);
  }

  count(outcome: RowOutcome) {
    countOutcome(this.record.counts, outcome);
    if ('refused' in outcome) this.refused.push(outcome.refused);
    this.ran += 1;
  }

  /** Reads the file from the checkpoint on; false when stopped by `limits` (tests), true at its end. */
  async readAll(claimed: ImportRecord, limits: RunLimits): Promise<boolean> {
    let batch: { line: number; fields: Record<string, string> }[] = [];
    for await (const { index, line, fields } of dataRows(this.deps.files, claimed)) {
      if (index <= claimed.rowsDone) {
        await this.remember(line, fields);
        continue;
      }
      batch.push({ line, fields });
      const stopping = limits.stopAfterRows !== undefined && this.ran + batch.length >= limits.stopAfterRows;
      if (index % CHECKPOINT_ROWS !== 0 && !stopping) continue;
      await this.processBatch(batch);
      batch = [];
      if (stopping) {
        await this.deps.store.putRefused(claimed.id, this.refused);
        return false;
      }
      await this.checkpoint(index);
      if (budgetSpent(limits, this.deps.now())) return false;
    }
    await this.processBatch(batch);
    return true;
  }

  /**
   * A checkpoint's rows: judged in lanes by account (each lane in file order, the lanes at once),
   * then the new values and corrections booked together with their slots (merged-apply.ts); a
   * booking that did not land — another writer moved its slot — goes the careful way, alone.
   */
  async processBatch(rows: readonly { line: number; fields: Record<string, string> }[]) {
    const lanes = new Map<number, { line: number; fields: Record<string, string> }[]>();
    const count = Math.max(1, this.deps.lanes ?? DEFAULT_LANES);
    for (const row of rows) {
      const lane = laneOf(row.fields.accountId ?? '', count);
      lanes.set(lane, [...(lanes.get(lane) ?? []), row]);
    }
    const proposed: ProposedRow[] = [];
    await Promise.all(
      [...lanes.values()].map(async (lane) => {
        for (const { line, fields } of lane) {
          const outcome = await processRow(this.deps, this.cache, this.record, line, fields);
          if ('proposed' in outcome) proposed.push(outcome);
          else this.count(outcome);
        }
      }),
    );
    const unaccountable = new Map<SlotBooking, Refusal>();
    const refused = new Set(
      await bookTogether(
        this.deps,
        proposed.map((p) => p.proposed),
        (booking, refusal) => unaccountable.set(booking, refusal),
      ),
    );
    for (const { proposed: booking, outcome, row } of proposed) {
      const refusal = unaccountable.get(booking);
      if (refusal !== undefined) {
        // Nothing of it was written: the slot stays as read, for the account's later rows.
        await this.cache.slots?.put(booking.slot);
        this.count({ refused: { row: row.line, ...refusal, fields: row.fields } });
      } else if (!refused.has(booking)) {
        await this.cache.slots?.put(settle(booking.slot, booking.change));
        this.count(outcome);
      } else this.count(await applyRow(this.deps, this.cache, row));
    }
  }
}

const laneOf = (accountId: string, lanes: number): number => {
  let hash = 0;
  for (const ch of accountId) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) | 0;
  return Math.abs(hash) % lanes;
};

export const runImport = async (
  deps: RunDeps,
  claimed: ImportRecord,
  limits: RunLimits = {},
): Promise<ImportRecord> => {
  const startedAt = claimed.startedAt ?? deps.now().toISOString();
  try {
    const totalRows = claimed.totalRows ?? (await countRows(deps, claimed));
    // City and industry deltas a crashed run left waiting (book-together.ts) are folded first.
    if (deps.pending) await sweepPending(deps.pending, deps.now());
    const run = new ImportRun(deps, { ...claimed, totalRows });
    await deps.store.update(claimed.id, { status: 'running', startedAt, totalRows });
    if (!(await run.readAll(claimed, limits))) return run.record;
    await run.checkpoint(run.record.counts.rows);
    return await finish(deps, run.record, startedAt);
  } catch (error) {
    // Anything but the file's own fault leaves the import running: the next run resumes it.
    if (!isFileSyntaxError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await deps.store.update(claimed.id, {
      status: 'failed',
      error: message,
      finishedAt: deps.now().toISOString(),
    });
    throw error;
  }
};

/** A first pass over the file that only counts its data rows (for progress; a bad header fails here). */
const countRows = async (deps: RunDeps, record: ImportRecord): Promise<number> => {
  let rows = 0;
  for await (const _ of dataRows(deps.files, record)) rows += 1;
  return rows;
};

const finish = async (deps: RunDeps, record: ImportRecord, startedAt: string): Promise<ImportRecord> => {
  let refusedKey: string | undefined;
  if (record.counts.refused > 0) {
    refusedKey = `refused/${record.id}.csv`;
    const columns = templateOf(record.kind, record.templateVersion) ?? [];
    await deps.files.putCsv(refusedKey, refusedCsv(columns, await deps.store.listRefused(record.id)));
  }
  const done: Partial<ImportRecord> = {
    status: 'succeeded',
    finishedAt: deps.now().toISOString(),
    startedAt,
    rowsDone: record.counts.rows,
    counts: record.counts,
    ...(refusedKey ? { refusedKey } : {}),
  };
  await deps.store.update(record.id, done);
  return { ...record, ...done };
};
