import type { ReportEntry } from '../../domain/reports/report-index.ts';
import type { JobCheckpoint, JobRunStore } from '../../ports/job-run-store.ts';
import type { ReportFileStore, ReportIndexStore } from '../../ports/report-store.ts';

/**
 * The report stores of a dry run: the job builds every report as usual, and nothing leaves the
 * function — files are dropped, index entries are kept here to be shown, the checkpoint lives and
 * dies with the run (so a dry run neither resumes nor marks a real run's period).
 */
export const dryRunReportStores = () => {
  const entries: ReportEntry[] = [];
  const files: ReportFileStore = {
    write: async () => undefined,
    read: async () => undefined,
    downloadLink: async () => '',
  };
  const index: ReportIndexStore = {
    put: async (entry) => {
      entries.push(entry);
    },
    get: async (id) => entries.find((entry) => entry.id === id),
    list: async () => ({ items: [] }),
  };
  const checkpoints = new Map<string, JobCheckpoint>();
  const runs: JobRunStore = {
    recordRun: async () => undefined,
    listRuns: async () => [],
    beginPeriod: async (job, period, at) => {
      const checkpoint: JobCheckpoint = {
        job,
        period,
        status: 'running',
        attempts: 1,
        startedAt: at,
        doneUnits: [],
      };
      checkpoints.set(`${job}#${period}`, checkpoint);
      return checkpoint;
    },
    markUnitDone: async () => undefined,
    finishPeriod: async () => undefined,
    getCheckpoint: async (job, period) => checkpoints.get(`${job}#${period}`),
  };
  return { files, index, runs, entries };
};
