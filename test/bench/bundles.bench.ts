/**
 * Per Lambda bundle: its size and its module-load time (the part of a cold start the code controls),
 * against a baseline bundle that only constructs the same SDK clients, built with the same options.
 * The target (issue 21) is every bundle ≤ 1.5 × the baseline.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildOptionsFor } from '../../infra/bundling.ts';
import { localEnvironment } from '../../infra/local/environment.ts';
import { FUNCTIONS } from '../../infra/manifest.ts';
import { kib, loadNow, median, printTable, quantile } from './format.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, '.bench', 'bundles');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/** Baseline samples taken before each bundle's, so the baseline spans the same minutes as the bundles. */
const BASELINE_RUNS_PER_BUNDLE = 2;
const TARGET = 1.5;
/** `BENCH_BUNDLES=mediaCreateUpload,systemOpenApi`: only these functions (a re-run of the slow ones). */
const ONLY = new Set((process.env.BENCH_BUNDLES ?? '').split(',').filter((id) => id !== ''));

/**
 * The processes below run untraced (no AWS_EXECUTION_ENV), so by default they load the bundles of an
 * untraced deployment, which leave the X-Ray code out. `BENCH_TRACING=true` builds a traced
 * deployment's bundles instead: the Tracer is then in the file, compiled lazily but never run here.
 */
const TRACING = process.env.BENCH_TRACING === 'true';

const bundle = async (id: string, entry: string) => {
  const outdir = join(OUT, id);
  await build({
    ...esbuildOptionsFor(resolve(ROOT, entry), outdir, { tracing: TRACING }),
    logLevel: 'error',
  });
  const file = join(outdir, `${basename(entry, '.ts')}.mjs`);
  const bytes = (await stat(file)).size;
  return { id, file, bytes, gzipBytes: gzipSync(readFileSync(file)).length };
};

interface Sample {
  wallMs: number;
  /** CPU time of the import (user + system): on a shared box it moves far less than the wall time. */
  cpuMs: number;
}

/** Each sample is a fresh Node process, as a cold start is; only the import itself is timed. */
const loadSamples = (file: string, runs: number): Sample[] => {
  const script = [
    'const c=process.cpuUsage();const t=performance.now();',
    `await import(${JSON.stringify(`file://${file}`)});`,
    'const w=performance.now()-t;const u=process.cpuUsage(c);',
    "process.stdout.write(w+' '+(u.user+u.system)/1000)",
  ].join('');
  const env = {
    ...process.env,
    ...localEnvironment({ dynamodb: 'http://127.0.0.1:1', s3: 'http://127.0.0.1:1' }, 'Asia/Shanghai'),
  };
  return Array.from({ length: runs }, () => {
    const out = execFileSync(
      process.execPath,
      ['--enable-source-maps', '--input-type=module', '-e', script],
      {
        env,
      },
    );
    const [wallMs = Number.NaN, cpuMs = Number.NaN] = String(out).split(' ').map(Number);
    return { wallMs, cpuMs };
  });
};

const wall = (samples: readonly Sample[]) => samples.map((s) => s.wallMs);
const cpu = (samples: readonly Sample[]) => samples.map((s) => s.cpuMs);

export const runBundleBench = async (): Promise<void> => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const loadBefore = loadNow();
  console.log(
    `\n## Lambda bundles: size and module-load time (${RUNS} cold processes each, Node ${process.version}, ` +
      `bundles of a${TRACING ? ' traced' : 'n untraced'} deployment, load ${loadBefore})\n`,
  );
  const baseline = await bundle('baseline-sdk-clients', 'test/bench/fixtures/sdk-clients-only.ts');
  const baselineSamples = loadSamples(baseline.file, RUNS);
  const measured: { built: Awaited<ReturnType<typeof bundle>>; samples: Sample[] }[] = [];
  for (const spec of FUNCTIONS.filter((f) => ONLY.size === 0 || ONLY.has(f.id))) {
    const built = await bundle(spec.id, spec.entry);
    baselineSamples.push(...loadSamples(baseline.file, BASELINE_RUNS_PER_BUNDLE));
    measured.push({ built, samples: loadSamples(built.file, RUNS) });
  }
  const baseWall = median(wall(baselineSamples));
  const baseCpu = median(cpu(baselineSamples));
  const rows = [{ built: baseline, samples: baselineSamples }, ...measured];
  printTable(
    ['bundle', 'size', 'gzip', 'size ×base', 'load p50', 'load p90', 'load ×base', 'cpu p50', 'cpu ×base'],
    rows.map(({ built, samples }) => [
      built.id,
      kib(built.bytes),
      kib(built.gzipBytes),
      (built.bytes / baseline.bytes).toFixed(2),
      `${median(wall(samples)).toFixed(1)} ms`,
      `${quantile(wall(samples), 0.9).toFixed(1)} ms`,
      (median(wall(samples)) / baseWall).toFixed(2),
      `${median(cpu(samples)).toFixed(1)} ms`,
      (median(cpu(samples)) / baseCpu).toFixed(2),
    ]),
  );
  const ratios = measured.map(({ samples }) => median(cpu(samples)) / baseCpu);
  const over = measured.filter((_, i) => (ratios[i] ?? 0) > TARGET).map(({ built }) => built.id);
  console.log(
    `\nbaseline = a bundle that only constructs DynamoDB, DynamoDB Document and S3 clients, sampled ${BASELINE_RUNS_PER_BUNDLE}× before each bundle.`,
  );
  console.log(
    `cpu ×base, median of the ${measured.length} bundles: ${median(ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}; ` +
      `above ${TARGET}×: ${over.length}${over.length > 0 ? ` (${over.join(', ')})` : ''}. Load ${loadBefore} → ${loadNow()}.`,
  );
};
