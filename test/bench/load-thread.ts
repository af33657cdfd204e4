import { Worker } from 'node:worker_threads';
import type { Run } from './concurrent-run.ts';
import type { LoadJob, LoadWorkerData } from './load-worker.ts';

type JobSpec = LoadJob extends infer J ? (J extends LoadJob ? Omit<J, 'id'> : never) : never;

/**
 * The load worker (load-worker.ts) seen from the main thread: `run` hands it one turn of calls and
 * resolves with their timings (and the ids a POST created). The worker inherits this process's
 * exec arguments, so it loads TypeScript the way the bench does.
 */
export const startLoadThread = (data: LoadWorkerData) => {
  const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: data });
  const waiting = new Map<number, (answer: { run: Run; created: string[] }) => void>();
  let next = 0;
  worker.on('message', (answer: { id: number; run: Run; created: string[] }) => {
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  worker.on('error', (error) => {
    console.error(`load worker failed: ${String(error)}`);
  });
  return {
    run: (job: JobSpec): Promise<{ run: Run; created: string[] }> =>
      new Promise((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        worker.postMessage({ ...job, id });
      }),
    close: () => worker.terminate(),
  };
};

export type LoadThread = ReturnType<typeof startLoadThread>;
