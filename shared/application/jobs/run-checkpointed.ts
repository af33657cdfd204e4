import type { JobRunStore } from '../../ports/job-run-store.ts';

/**
 * Runs a job's units of work for one period with a checkpoint after each: a crash or timeout part
 * way leaves the done units recorded, and running the same job for the same period again resumes
 * with the rest. Units must be idempotent themselves (a report for a period is replaced, an
 * escalation level is recorded once), because a crash can fall between a unit's effect and its mark.
 */

export interface JobUnit {
  /** Stable across runs of the same period: the checkpoint remembers it. */
  id: string;
  run(): Promise<Record<string, unknown> | undefined>;
}

export type ProgressSink = (done: number, total: number, current?: string) => void;

export interface CheckpointedRun {
  job: string;
  period: string;
  units: readonly JobUnit[];
  store: JobRunStore;
  now: () => Date;
  progress?: ProgressSink;
}

export interface CheckpointedOutcome {
  attempt: number;
  total: number;
  ran: number;
  skipped: number;
  /** Per-unit results of the units run in this attempt (skipped units were reported before). */
  results: Record<string, Record<string, unknown> | undefined>;
}

export const runCheckpointed = async (input: CheckpointedRun): Promise<CheckpointedOutcome> => {
  const { job, period, units, store, now } = input;
  const checkpoint = await store.beginPeriod(job, period, now().toISOString());
  const done = new Set(checkpoint.doneUnits);
  const pending = units.filter((unit) => !done.has(unit.id));
  const skipped = units.length - pending.length;
  const results: CheckpointedOutcome['results'] = {};
  let completed = skipped;
  input.progress?.(completed, units.length);
  try {
    for (const unit of pending) {
      results[unit.id] = await unit.run();
      await store.markUnitDone(job, period, unit.id);
      completed += 1;
      input.progress?.(completed, units.length, unit.id);
    }
  } catch (error) {
    await store.finishPeriod(job, period, {
      status: 'failed',
      at: now().toISOString(),
      error: error instanceof Error ? error.message : String(error),
      summary: { done: completed, total: units.length },
    });
    throw error;
  }
  await store.finishPeriod(job, period, {
    status: 'succeeded',
    at: now().toISOString(),
    summary: { total: units.length, ran: pending.length, skipped },
  });
  return { attempt: checkpoint.attempts, total: units.length, ran: pending.length, skipped, results };
};
