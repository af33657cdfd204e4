/**
 * `npx tsx test/bench/suggestion-list-profile.ts`: a CPU profile of the thread that serves
 * `GET /suggestions?limit=20` (docs/performance.md, "Fourth pass"). Boots the test stack, files
 * suggestions as the cases bench does (suggestion-lists.ts), warms both lists, then profiles the main
 * thread — gateway, JWT check, middy, handler — while the load thread's 50 clients make
 * BENCH_PROFILE_CALLS calls of each list (the supervisor's and the filing deputy's). The V8 profile
 * is the one `node --cpu-prof` writes, taken over the measured calls only (not boot and seeding); it
 * is saved to BENCH_PROFILE_OUT and summarised by self time, by area and by our functions' total time.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { LOCAL_REGION } from '../../infra/local/environment.ts';
import { LOCAL_S3_CREDENTIALS } from '../../infra/local/s3-local.ts';
import { startTestStack } from '../support/local-stack.ts';
import { type CpuProfile, type Locate, summariseProfile } from './cpu-profile-summary.ts';
import { loadNow, printTable } from './format.ts';
import { startLoadThread } from './load-thread.ts';
import { drainNotifications } from './outbox-drain.ts';
import { fileSuggestions } from './suggestion-lists.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const CALLS = Number(process.env.BENCH_PROFILE_CALLS ?? 1500);
const OUT = process.env.BENCH_PROFILE_OUT ?? 'suggestion-list.cpuprofile';

const lines = new Map<string, string[]>();

/** The original line of a compiled frame (tsx's inline source maps) and its text, shortened. */
const locate: Locate = (frame) => {
  const origin = findSourceMap(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  if (origin === undefined || !('originalLine' in origin)) return undefined;
  const file = fileURLToPath(origin.originalSource);
  if (!lines.has(file)) lines.set(file, readFileSync(file, 'utf8').split('\n'));
  const text = (lines.get(file)?.[origin.originalLine] ?? '').trim().slice(0, 60);
  return { line: origin.originalLine + 1, text };
};

const t = await startTestStack();
await t.stack.scheduler.stop();
const thread = startLoadThread({
  dynamodb: t.stack.urls.dynamodb,
  region: LOCAL_REGION,
  credentials: LOCAL_S3_CREDENTIALS,
  api: t.stack.urls.api,
});
const session = new Session();
try {
  await fileSuggestions(t, CLIENTS);
  await drainNotifications();
  const lists = [t.stack.users.supervisor.token, t.stack.users.deputy.token];
  const page = (token: string, calls: number) =>
    thread.run({ kind: 'get', clients: CLIENTS, calls, offset: 0, paths: ['/suggestions?limit=20'], token });
  for (const token of lists) await page(token, CLIENTS * 4);
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const started = performance.now();
  let failed = 0;
  for (const token of lists) failed += (await page(token, CALLS)).run.failures;
  const seconds = (performance.now() - started) / 1000;
  const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
  await writeFile(OUT, JSON.stringify(profile));
  const summary = summariseProfile(profile, locate);
  console.log(
    `\n## GET /suggestions?limit=20, ${CALLS * lists.length} calls (${failed} failed) at ${CLIENTS} clients in ${seconds.toFixed(1)} s: ${((CALLS * lists.length) / seconds).toFixed(0)} pages/s, load ${loadNow()}; profile in ${OUT}\n`,
  );
  console.log('Self time by area (% of the busy samples of the serving thread):');
  printTable(['self', 'area'], summary.areas.slice(0, 15));
  console.log('\nSelf time by function:');
  printTable(['self', 'function'], summary.self);
  console.log('\nTotal time of our functions (their callees included):');
  printTable(['total', 'function'], summary.ours);
} finally {
  session.disconnect();
  await thread.close();
  await t.close();
}
