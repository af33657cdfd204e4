/** A record that a scheduled job ran for a given fire time. Access pattern: runs of a job by time. */
export interface JobRun {
  job: string;
  scheduledTime: string;
  startedAt: string;
  finishedAt: string;
  outcome: 'succeeded' | 'failed';
  summary?: Record<string, unknown>;
}

export interface JobRunStore {
  /** Idempotent: a re-delivered schedule for the same fire time overwrites its own record. */
  recordRun(run: JobRun): Promise<void>;
  /** Newest first. */
  listRuns(job: string, limit: number): Promise<JobRun[]>;
}
