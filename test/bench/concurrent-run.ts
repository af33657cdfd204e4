import { median, quantile } from './format.ts';

/** Calls run by a fixed number of concurrent clients, each timed (test/bench/cases.bench.ts). */
export interface Run {
  latencies: number[];
  seconds: number;
  failures: number;
}

/** `clients` loops share one counter of `total` calls; each call is timed on its own. */
export const concurrently = async (
  clients: number,
  total: number,
  call: (i: number) => Promise<boolean>,
): Promise<Run> => {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < total; i = next++) {
      const t0 = performance.now();
      // A dropped connection (ECONNRESET on a kept-alive socket under load) is a failed call, not the end of the run.
      const ok = await call(i).catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return { latencies, seconds: (performance.now() - started) / 1000, failures };
};

/** One kind of call measured in turns: runs `calls` calls from `offset` and says how they went. */
export interface Phase {
  name: string;
  run: (offset: number, calls: number) => Promise<Run>;
}

/**
 * Every phase in turns of `total / turns` calls each, so a change of the shared box's load during
 * the run weighs on all alike (run one after the other, ratios moved by 2–3×). `around` wraps each
 * turn (the tail profile watches the process while a phase runs: tail-profile.ts).
 */
export const phasesInTurns = async (
  total: number,
  turns: number,
  phases: readonly Phase[],
  around: <T>(phase: string, turn: () => Promise<T>) => Promise<T> = (_, turn) => turn(),
): Promise<Run[]> => {
  const runs: Run[][] = phases.map(() => []);
  const size = Math.ceil(total / turns);
  for (let offset = 0; offset < total; offset += size) {
    const calls = Math.min(size, total - offset);
    for (const [i, phase] of phases.entries()) {
      runs[i]?.push(await around(phase.name, () => phase.run(offset, calls)));
    }
  }
  return runs.map(merged);
};

/** `baseline` and `measured` calls of this process in turns (phasesInTurns). */
export const inTurns = async (
  clients: number,
  total: number,
  turns: number,
  baseline: (i: number) => Promise<boolean>,
  measured: (i: number) => Promise<boolean>,
): Promise<{ baseline: Run; measured: Run }> => {
  const local = (name: string, call: (i: number) => Promise<boolean>): Phase => ({
    name,
    run: (offset, calls) => concurrently(clients, calls, (i) => call(offset + i)),
  });
  const [b, m] = await phasesInTurns(total, turns, [
    local('baseline', baseline),
    local('measured', measured),
  ]);
  return { baseline: b as Run, measured: m as Run };
};

const merged = (runs: readonly Run[]): Run => ({
  latencies: runs.flatMap((run) => run.latencies),
  seconds: runs.reduce((sum, run) => sum + run.seconds, 0),
  failures: runs.reduce((sum, run) => sum + run.failures, 0),
});

/** A table row: calls, failures, p50, p99, throughput, and both quantiles as multiples of `baseline`. */
export const row = (name: string, run: Run, baseline?: Run) => [
  name,
  String(run.latencies.length),
  String(run.failures),
  `${median(run.latencies).toFixed(2)} ms`,
  `${quantile(run.latencies, 0.99).toFixed(2)} ms`,
  `${(run.latencies.length / run.seconds).toFixed(0)} /s`,
  baseline === undefined ? '1.00' : (median(run.latencies) / median(baseline.latencies)).toFixed(2),
  baseline === undefined
    ? '1.00'
    : (quantile(run.latencies, 0.99) / quantile(baseline.latencies, 0.99)).toFixed(2),
];
