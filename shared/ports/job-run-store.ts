/** A record that a scheduled job ran for a given fire time. Access pattern: runs of a job by time. */
export interface JobRun {
  job: string;
  scheduledTime: string;
  startedAt: string;
  finishedAt: string;
  outcome: 'succeeded' | 'failed';
  summary?: Record<string, unknown>;
}

/**
 * The checkpoint of one job for one period (a report month, an escalation hour): which units of work
 * are done. A run that crashed is resumed by running the same job for the same period again: the
 * done units are skipped, so a job's work is neither lost nor repeated.
 */
export interface JobCheckpoint {
  job: string;
  period: string;
  status: 'running' | 'succeeded' | 'failed';
  attempts: number;
  startedAt: string;
  finishedAt?: string;
  doneUnits: string[];
  summary?: Record<string, unknown>;
  error?: string;
}

export interface JobRunStore {
  /** Idempotent: a re-delivered schedule for the same fire time overwrites its own record. */
  recordRun(run: JobRun): Promise<void>;
  /** Newest first. */
  listRuns(job: string, limit: number): Promise<JobRun[]>;
  /**
   * Opens the checkpoint of a period, counting the attempt, and returns what is done: an unfinished
   * period keeps its done units (resume); a succeeded one starts over (a deliberate re-run).
   */
  beginPeriod(job: string, period: string, at: string): Promise<JobCheckpoint>;
  /** Records one finished unit; safe to repeat. */
  markUnitDone(job: string, period: string, unit: string): Promise<void>;
  finishPeriod(
    job: string,
    period: string,
    outcome: {
      status: 'succeeded' | 'failed';
      at: string;
      summary?: Record<string, unknown>;
      error?: string;
    },
  ): Promise<void>;
  getCheckpoint(job: string, period: string): Promise<JobCheckpoint | undefined>;
}
