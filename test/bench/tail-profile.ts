import { createHistogram, PerformanceObserver } from 'node:perf_hooks';
import { quantile } from './format.ts';

interface PhaseWatch {
  loop: ReturnType<typeof createHistogram>;
  gcMs: number;
  gcCount: number;
  gcLongest: number;
  seconds: number;
  server: number[];
}

const SAMPLE_MS = 5;

const GATEWAY_LINE = /^(GET|POST) \S+ \d{3} (\d+)ms$/;

/**
 * Where a slow call spends its time, phase by phase (a phase: the raw baseline or the API calls,
 * of one client placement): the main thread's event-loop delay (how long a ready callback waited
 * for the thread), its GC pauses, and the gateway's own time per request (from its log line:
 * arrival to answer sent, so without the client and the network). Read beside the client-side
 * p50/p99 of the same phase.
 */
export const tailProfile = () => {
  const phases = new Map<string, PhaseWatch>();
  let current: PhaseWatch | undefined;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (current === undefined) continue;
      current.gcMs += entry.duration;
      current.gcCount += 1;
      current.gcLongest = Math.max(current.gcLongest, entry.duration);
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const watchOf = (name: string): PhaseWatch => {
    const found = phases.get(name);
    if (found !== undefined) return found;
    const created = {
      loop: createHistogram(),
      gcMs: 0,
      gcCount: 0,
      gcLongest: 0,
      seconds: 0,
      server: [],
    };
    phases.set(name, created);
    return created;
  };
  return {
    /** The gateway's log: `GET /cases?limit=20 200 35ms`, attributed to the phase running. */
    log: (line: string) => {
      const found = GATEWAY_LINE.exec(line);
      if (found !== null) current?.server.push(Number(found[2]));
    },
    around: async <T>(name: string, turn: () => Promise<T>): Promise<T> => {
      const watch = watchOf(name);
      current = watch;
      // A 5 ms timer's lateness, sampled during this turn only (monitorEventLoopDelay enabled again
      // after a pause counts the pause as one delay, and its histograms cannot be merged).
      let last = performance.now();
      const sampler = setInterval(() => {
        const now = performance.now();
        watch.loop.record(Math.max(1, Math.round((now - last - SAMPLE_MS) * 1e6)));
        last = now;
      }, SAMPLE_MS);
      const started = performance.now();
      try {
        return await turn();
      } finally {
        watch.seconds += (performance.now() - started) / 1000;
        clearInterval(sampler);
        current = undefined;
      }
    },
    /** One row per phase watched; the phases' names are reset for the next table. */
    rows: (): string[][] => {
      const rows = [...phases].map(([name, w]) => [
        name,
        `${(w.loop.percentile(50) / 1e6).toFixed(1)} / ${(w.loop.percentile(99) / 1e6).toFixed(1)} / ${(w.loop.max / 1e6).toFixed(0)} ms`,
        `${((w.gcMs / 1000 / Math.max(w.seconds, 1e-9)) * 100).toFixed(1)} % (${w.gcCount}, longest ${w.gcLongest.toFixed(0)} ms)`,
        w.server.length === 0
          ? '—'
          : `${quantile(w.server, 0.5).toFixed(0)} / ${quantile(w.server, 0.99).toFixed(0)} ms`,
      ]);
      phases.clear();
      return rows;
    },
    headers: [
      'phase',
      'main thread loop delay p50 / p99 / max',
      'GC time (pauses, longest)',
      'gateway time p50 / p99',
    ],
    stop: () => gc.disconnect(),
  };
};
