/**
 * `npm test`'s vitest step: two lanes side by side — the integration files (each boots the local
 * stack, one file at a time), then the e2e files (the stack and a browser, one at a time), in two
 * vitest processes one after the other; beside them unit + infra (pure CPU, the CDK syntheses one
 * at a time) in one process.
 *
 * Why processes: vitest 4 puts every project with `fileParallelism: false` into one sequential
 * queue, so one process ran the syntheses, the integration files and the browser files one after
 * the other, though an emulator file mostly waits on its stack (docs/testing.md). Each process keeps
 * its projects' own order. The browser files run alone, as they always did: beside the other files
 * a console journey's dialog stayed open for 45 s, once beside the syntheses and the integration
 * files, once beside the integration files alone. One DynamoDB Local, started here, serves both
 * emulator processes (each file has its own table prefix): two JVMs starting at once under load
 * missed their 60 s.
 *
 * The emulator lane's output streams; the CDK lane's is held and printed whole when it ends, so
 * lines do not interleave. Arguments go to a single plain `vitest run` instead.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { freePort } from '../infra/local/free-port.ts';
import { SHARED_DYNAMODB_ENV } from './support/shared-dynamodb.ts';

const VITEST = join(import.meta.dirname, '..', 'node_modules', 'vitest', 'vitest.mjs');

interface Lane {
  name: string;
  /** vitest runs one after the other, each with its projects. */
  runs: string[][];
  /** Printed as it comes; the other lane is printed whole when it ends. */
  live: boolean;
}

const LANES: Lane[] = [
  { name: 'integration, then e2e', runs: [['integration'], ['e2e']], live: true },
  { name: 'unit + infra', runs: [['unit', 'infra']], live: false },
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

const runLane = async ({ name, runs, live }: Lane): Promise<boolean> => {
  let passed = true;
  for (const projects of runs) {
    const started = Date.now();
    const { code, output } = await vitest(
      projects.flatMap((project) => ['--project', project]),
      live,
    );
    const seconds = Math.round((Date.now() - started) / 1000);
    const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
    if (!live) process.stdout.write(`\n──── ${name} (beside the other lane) ────\n${output}`);
    process.stdout.write(`\n──── ${projects.join(' + ')}: ${verdict} in ${seconds} s ────\n`);
    passed &&= code === 0;
  }
  return passed;
};

const main = async (): Promise<number> => {
  const passed = process.argv.slice(2);
  if (passed.length > 0) return (await vitest(passed, true)).code;
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  process.env[SHARED_DYNAMODB_ENV] = dynamo.endpoint;
  const results = await Promise.all(LANES.map(runLane)).finally(() => dynamo.stop());
  const failed = LANES.filter((_, i) => !results[i]).map((lane) => lane.name);
  if (failed.length > 0) process.stderr.write(`\nvitest failed: ${failed.join(', ')}\n`);
  return failed.length === 0 ? 0 : 1;
};

process.exitCode = await main();
