/**
 * `npm run bench -- deploy`: what the deployment artefact weighs. Per stack, its resources, outputs and
 * template bytes against CloudFormation's per-stack quotas (500 resources, 200 outputs, 1 MB template
 * through S3 — 51,200 bytes when passed inline, which `cdk deploy` avoids by uploading); the offline
 * synth time with and without bundling (`cdk synth`, as devops run it); the bundles' and source maps'
 * total bytes. Printed, never asserted. BENCH_DEPLOY_BUNDLING=0 skips the bundled synth (minutes).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { kib, printTable } from './format.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CDK = join(ROOT, 'node_modules', '.bin', 'cdk');
const LIMITS = { resources: 500, outputs: 200, templateBytes: 1_000_000, inlineBytes: 51_200 };

/** One offline synth through the CDK CLI, timed; the cloud assembly is left in `outdir`. */
const synth = (outdir: string, bundling: boolean): number => {
  const started = performance.now();
  execFileSync(
    CDK,
    ['synth', '--no-notices', '-q', '-o', outdir, ...(bundling ? [] : ['-c', 'skipBundling=true'])],
    {
      cwd: ROOT,
      env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return (performance.now() - started) / 1000;
};

const percent = (value: number, limit: number): string => `${((100 * value) / limit).toFixed(1)} %`;

const stackRows = (outdir: string): string[][] =>
  readdirSync(outdir)
    .filter((name) => name.endsWith('.template.json'))
    .map((name) => {
      const text = readFileSync(join(outdir, name), 'utf8');
      const template = JSON.parse(text) as { Resources?: object; Outputs?: object };
      // What CloudFormation receives: the template as the CLI uploads it (minified JSON).
      const bytes = JSON.stringify(template).length;
      const resources = Object.keys(template.Resources ?? {}).length;
      const outputs = Object.keys(template.Outputs ?? {}).length;
      return [
        name.replace('.template.json', ''),
        `${resources} (${percent(resources, LIMITS.resources)})`,
        `${outputs} (${percent(outputs, LIMITS.outputs)})`,
        `${kib(bytes)} (${percent(bytes, LIMITS.templateBytes)})`,
        bytes > LIMITS.inlineBytes ? 'via S3' : 'inline ok',
      ];
    });

/** Total bytes of the function bundles and their source maps in a bundled cloud assembly. */
const bundleBytes = (outdir: string): { bundles: number; maps: number; count: number } => {
  let bundles = 0;
  let maps = 0;
  let count = 0;
  for (const asset of readdirSync(outdir).filter((name) => name.startsWith('asset.'))) {
    const folder = join(outdir, asset);
    if (!statSync(folder).isDirectory()) continue;
    for (const file of readdirSync(folder)) {
      const size = statSync(join(folder, file)).size;
      if (file.endsWith('.map')) maps += size;
      else if (file.endsWith('.mjs')) {
        bundles += size;
        count += 1;
      }
    }
  }
  return { bundles, maps, count };
};

export const runDeployBench = async (): Promise<void> => {
  const templatesOnly = await mkdtemp(join(tmpdir(), 'qingshan-deploy-bench-'));
  const bundled = await mkdtemp(join(tmpdir(), 'qingshan-deploy-bench-bundled-'));
  try {
    console.log('\n# deploy: stacks against CloudFormation quotas, synth time, bundle bytes\n');
    const withoutBundling = synth(templatesOnly, false);
    printTable(
      ['stack', 'resources / 500', 'outputs / 200', 'template / 1 MB', '51,200 B inline'],
      stackRows(templatesOnly),
    );
    console.log(`\noffline synth without bundling (-c skipBundling=true): ${withoutBundling.toFixed(1)} s`);
    if (process.env.BENCH_DEPLOY_BUNDLING === '0') return;
    const withBundling = synth(bundled, true);
    const { bundles, maps, count } = bundleBytes(bundled);
    console.log(`offline synth with bundling (npm run synth):          ${withBundling.toFixed(1)} s`);
    console.log(
      `bundles: ${count}, ${kib(bundles)} in all (${kib(bundles / Math.max(count, 1))} each on average); source maps: ${kib(maps)}`,
    );
  } finally {
    await rm(templatesOnly, { recursive: true, force: true });
    await rm(bundled, { recursive: true, force: true });
  }
};
