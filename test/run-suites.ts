/**
 * `npm test`'s vitest step: three vitest processes side by side — unit + infra (pure CPU, the CDK
 * syntheses one at a time), integration and e2e (each boots the local stack, one file at a time).
 *
 * Why processes: vitest 4 puts every project with `fileParallelism: false` into one sequential
 * queue, so one process ran the syntheses, the integration files and the browser files one after
 * the other, though an emulator file mostly waits on its stack (docs/testing.md). Each process keeps
 * its projects' own order. One DynamoDB Local, started here, serves both emulator processes (each
 * file has its own table prefix): two JVMs starting at once on a loaded 2-core box missed their 60 s.
 *
 * The integration output streams; the others are held and printed whole when each ends, so lines do
 * not interleave. Arguments go to a single plain `vitest run` instead.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { freePort } from '../infra/local/free-port.ts';
import { SHARED_DYNAMODB_ENV } from './support/shared-dynamodb.ts';

const VITEST = join(import.meta.dirname, '..', 'node_modules', 'vitest', 'vitest.mjs');

interface Stream {
  name: string;
  projects: string[];
  /** Printed as it comes; the others are printed whole when they end. */
  live: boolean;
}

const STREAMS: Stream[] = [
  { name: 'integration', projects: ['integration'], live: true },
  { name: 'e2e', projects: ['e2e'], live: false },
  { name: 'unit + infra', projects: ['unit', 'infra'], live: false },
];

const vitest = (args: string[], live: boolean): Promise<{ code: number; output: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITEST, 'run', ...args], {
      stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') },
    });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString() }));
  });

const runStream = async ({ name, projects, live }: Stream): Promise<boolean> => {
  const started = Date.now();
  const { code, output } = await vitest(
    projects.flatMap((project) => ['--project', project]),
    live,
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
  if (!live) process.stdout.write(`\n──── ${name} (beside the others) ────\n${output}`);
  process.stdout.write(`\n──── ${name}: ${verdict} in ${seconds} s ────\n`);
  return code === 0;
};

const main = async (): Promise<number> => {
  const passed = process.argv.slice(2);
  if (passed.length > 0) return (await vitest(passed, true)).code;
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  process.env[SHARED_DYNAMODB_ENV] = dynamo.endpoint;
  const results = await Promise.all(STREAMS.map(runStream)).finally(() => dynamo.stop());
  const failed = STREAMS.filter((_, i) => !results[i]).map((stream) => stream.name);
  if (failed.length > 0) process.stderr.write(`\nvitest failed: ${failed.join(', ')}\n`);
  return failed.length === 0 ? 0 : 1;
};

process.exitCode = await main();
