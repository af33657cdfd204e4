import type { ProgressSink } from '../application/jobs/run-checkpointed.ts';
import { logger } from './logger.ts';

/** Set by `npm run job` so a person at a terminal sees a bar; Lambdas log progress instead. */
export const PROGRESS_ENV = 'QS_PROGRESS';

const BAR_WIDTH = 30;

/**
 * Between tenths, a line at least this often while the job moves: a 100 000-row import at 10 rows/s
 * passes a tenth every 17 minutes, and a log silent that long was read as a stall (docs/imports.md).
 */
export const PROGRESS_EVERY_MS = 60_000;

/**
 * A progress sink for long jobs: a redrawn bar on an interactive terminal, otherwise one log line
 * per tenth of the work, and one a minute between them (CloudWatch gets a readable trail without a
 * line per unit).
 */
export const progressSink = (label: string, env: NodeJS.ProcessEnv = process.env): ProgressSink => {
  // A bar only where a person watches; piped into a file it would be hundreds of redrawn lines.
  if (env[PROGRESS_ENV] === 'bar' && process.stderr.isTTY) return terminalBar(label);
  let lastTenth = -1;
  let lastAt = Number.NEGATIVE_INFINITY;
  return (done, total) => {
    const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
    const at = Date.now();
    if (tenth === lastTenth && at - lastAt < PROGRESS_EVERY_MS) return;
    lastTenth = tenth;
    lastAt = at;
    logger.info('job progress', { job: label, done, total });
  };
};

const terminalBar =
  (label: string): ProgressSink =>
  (done, total, current) => {
    const ratio = total === 0 ? 1 : done / total;
    const filled = Math.round(ratio * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    const tail = current ? ` ${current}` : '';
    process.stderr.write(`\r${label} ${bar} ${done}/${total} ${Math.round(ratio * 100)}%${tail}\u001b[K`);
    if (done === total) process.stderr.write('\n');
  };
