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
/** `BENCH_PROFILE=0`: only the pages/s and the serving thread's CPU a page, without the profiler's cost. */
const PROFILE = process.env.BENCH_PROFILE !== '0';

/**
 * CPU time of this (the serving) thread alone, in ms, from Linux's per-thread counters: neither the
 * load thread nor DynamoDB Local nor the time the shared box gives to others counts, so it compares
 * across runs at different loads where pages/s does not. Undefined off Linux.
 */
const servingThreadCpuMs = (): number | undefined => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 10 ms (CLK_TCK 100).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
};

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
  if (PROFILE) await session.post('Profiler.start');
  const started = performance.now();
  const cpuBefore = servingThreadCpuMs();
  let failed = 0;
  for (const token of lists) failed += (await page(token, CALLS)).run.failures;
  const cpu = (servingThreadCpuMs() ?? Number.NaN) - (cpuBefore ?? Number.NaN);
  const seconds = (performance.now() - started) / 1000;
  const calls = CALLS * lists.length;
  console.log(
    `\n## GET /suggestions?limit=20, ${calls} calls (${failed} failed) at ${CLIENTS} clients in ${seconds.toFixed(1)} s: ${(calls / seconds).toFixed(0)} pages/s, serving thread CPU ${(cpu / calls).toFixed(2)} ms a page${PROFILE ? ' (profiler on)' : ''}, load ${loadNow()}\n`,
  );
  if (PROFILE) {
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    await writeFile(OUT, JSON.stringify(profile));
    const summary = summariseProfile(profile, locate);
    console.log(`Profile in ${OUT}.`);
    console.log('Self time by area (% of the busy samples of the serving thread):');
    printTable(['self', 'area'], summary.areas.slice(0, 15));
    console.log('\nSelf time by function:');
    printTable(['self', 'function'], summary.self);
    console.log('\nTotal time of our functions (their callees included):');
    printTable(['total', 'function'], summary.ours);
  }
} finally {
  session.disconnect();
  await thread.close();
  await t.close();
}
