/**
 * Per Lambda bundle: its size and its module-load time (the part of a cold start the code controls),
 * against a baseline bundle that only constructs the same SDK clients, built with the same options.
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
import { kib, median, printTable, quantile } from './format.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, '.bench', 'bundles');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const bundle = async (id: string, entry: string) => {
  const outdir = join(OUT, id);
  await build({ ...esbuildOptionsFor(resolve(ROOT, entry), outdir), logLevel: 'error' });
  const file = join(outdir, `${basename(entry, '.ts')}.mjs`);
  const bytes = (await stat(file)).size;
  return { id, file, bytes, gzipBytes: gzipSync(readFileSync(file)).length };
};

/** Each sample is a fresh Node process, as a cold start is; only the import itself is timed. */
const loadTimes = (file: string): number[] => {
  const script = `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});process.stdout.write(String(performance.now()-t))`;
  const env = {
    ...process.env,
    ...localEnvironment({ dynamodb: 'http://127.0.0.1:1', s3: 'http://127.0.0.1:1' }, 'Asia/Shanghai'),
  };
  return Array.from({ length: RUNS }, () =>
    Number(
      execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], { env }),
    ),
  );
};

export const runBundleBench = async (): Promise<void> => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  console.log(
    `\n## Lambda bundles: size and module-load time (${RUNS} cold processes each, Node ${process.version})\n`,
  );
  const baseline = await bundle('baseline-sdk-clients', 'test/bench/fixtures/sdk-clients-only.ts');
  const baselineTimes = loadTimes(baseline.file);
  const baseMedian = median(baselineTimes);
  const rows = [[baseline, baselineTimes] as const];
  for (const spec of FUNCTIONS) {
    const built = await bundle(spec.id, spec.entry);
    rows.push([built, loadTimes(built.file)] as const);
  }
  printTable(
    ['bundle', 'size', 'gzip', 'size ×base', 'load p50', 'load p90', 'load ×base'],
    rows.map(([b, times]) => [
      b.id,
      kib(b.bytes),
      kib(b.gzipBytes),
      (b.bytes / baseline.bytes).toFixed(2),
      `${median(times).toFixed(1)} ms`,
      `${quantile(times, 0.9).toFixed(1)} ms`,
      (median(times) / baseMedian).toFixed(2),
    ]),
  );
  console.log('\nbaseline = a bundle that only constructs DynamoDB, DynamoDB Document and S3 clients.');
};
