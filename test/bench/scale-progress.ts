/**
 * Progress of the long scale run (issue 21: a week's backfill and a 10-minute soak take 30–60 minutes
 * on the shared box), so whoever watches its log sees it move: a line every ~30 s with the readings
 * done, the rate so far and the box's load average; during the soak, the heap sampled every second
 * (its peak) and, on each line, the heap after a forced GC when the run has `--expose-gc`.
 */
import { loadNow } from './format.ts';

const PROGRESS_EVERY_MS = Number(process.env.BENCH_PROGRESS_SECONDS ?? 30) * 1000;
const HEAP_SAMPLE_EVERY_MS = 1000;
const MiB = 2 ** 20;

const clock = () => new Date().toISOString().slice(11, 19);
const gc = (globalThis as { gc?: () => void }).gc;

/** Whether heap figures are taken after a full GC (the bench's child runs with `--expose-gc`). */
export const heapAfterGcAvailable = gc !== undefined;

/** Heap used now, in MiB, after a full GC when one can be forced. */
export const heapAfterGcMiB = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed / MiB;
};

/**
 * `label: 12,000 of 336,000 readings (3.6 %), 352 readings/s so far, 34 s, heap 61 MiB, load avg 21.3`
 * every ~30 s until stopped. `done()` is the count so far (readings handled, not queued).
 */
export const startProgress = (label: string, total: number, done: () => number) => {
  const started = performance.now();
  const line = () => {
    const seconds = (performance.now() - started) / 1000;
    const n = done();
    const share =
      total > 0 ? ` of ${total.toLocaleString('en-US')} (${((100 * n) / total).toFixed(1)} %)` : '';
    const heap = (process.memoryUsage().heapUsed / MiB).toFixed(0);
    console.log(
      `[${clock()}] ${label}: ${n.toLocaleString('en-US')}${share} readings, ${(n / seconds).toFixed(0)} readings/s so far, ${seconds.toFixed(0)} s, heap ${heap} MiB, load avg ${loadNow()}`,
    );
  };
  const timer = setInterval(line, PROGRESS_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};

export interface HeapTrace {
  /** After a forced GC (if available) when the soak starts and ends. */
  start: number;
  end: number;
  /** The largest heap used seen by the 1 s samples (no GC forced before them). */
  peak: number;
  /** `[seconds into the soak, heap after GC]` of each progress line. */
  afterGc: [number, number][];
  samples: number;
}

/**
 * Samples the heap through the soak: every second for the peak, and every ~30 s after a forced GC,
 * printed with the messages handled so far — so a leak shows as a rising line, not only at the end.
 */
export const traceHeap = (label: string, handled: () => number) => {
  const started = performance.now();
  const trace: HeapTrace = { start: heapAfterGcMiB(), end: 0, peak: 0, afterGc: [], samples: 0 };
  trace.peak = trace.start;
  trace.afterGc.push([0, trace.start]);
  const sampler = setInterval(() => {
    trace.samples += 1;
    trace.peak = Math.max(trace.peak, process.memoryUsage().heapUsed / MiB);
  }, HEAP_SAMPLE_EVERY_MS);
  sampler.unref();
  const printer = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    trace.peak = Math.max(trace.peak, process.memoryUsage().heapUsed / MiB);
    const heap = heapAfterGcMiB();
    trace.afterGc.push([Math.round(seconds), heap]);
    console.log(
      `[${clock()}] ${label}: ${handled()} messages handled, ${seconds.toFixed(0)} s, heap ${heap.toFixed(1)} MiB${heapAfterGcAvailable ? ' after GC' : ' (no GC forced: run without --expose-gc)'}, peak ${trace.peak.toFixed(1)} MiB, load avg ${loadNow()}`,
    );
  }, PROGRESS_EVERY_MS);
  printer.unref();
  return {
    stop: (): HeapTrace => {
      clearInterval(sampler);
      clearInterval(printer);
      trace.peak = Math.max(trace.peak, process.memoryUsage().heapUsed / MiB);
      trace.end = heapAfterGcMiB();
      trace.afterGc.push([Math.round((performance.now() - started) / 1000), trace.end]);
      return trace;
    },
  };
};
