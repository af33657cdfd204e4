/**
 * `npm run bench [-- name ...]`: prints figures and ratios against baselines measured in the same run.
 * Nothing here is asserted; the numbers are for people to read and compare.
 */
import { runBundleBench } from './bundles.bench.ts';
import { runCaseBench } from './cases.bench.ts';
import { runCostBench } from './cost.bench.ts';
import { runDeployBench } from './deploy.bench.ts';
import { runEscalationBench } from './escalation.bench.ts';
import { runImportBench } from './imports.bench.ts';
import { runIngestBench } from './ingest.bench.ts';
import { runReportBench } from './reports.bench.ts';
import { runScaleBench } from './scale.bench.ts';
import { runWebBench } from './web.bench.ts';

const BENCHES: Record<string, () => Promise<void>> = {
  bundles: runBundleBench,
  cases: runCaseBench,
  cost: runCostBench,
  deploy: runDeployBench,
  escalation: runEscalationBench,
  imports: runImportBench,
  ingest: runIngestBench,
  reports: runReportBench,
  scale: runScaleBench,
  web: runWebBench,
};

/** `--soak <seconds>`: the live soak of `scale` (default 600). */
const args = process.argv.slice(2);
const soak = args.indexOf('--soak');
if (soak >= 0) {
  process.env.BENCH_SCALE_SOAK_SECONDS = String(Number(args[soak + 1]));
  args.splice(soak, 2);
}
const wanted = args;
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  await BENCHES[name]?.();
}
