import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where `npm start` says it is running, so `npm run job` and `npm run simulate` find a stack started
 * with other ports or another data folder without being told. Each running stack leaves one file here,
 * named by its pid and removed when it stops; a file whose process is gone is ignored and cleared.
 */
export const DEFAULT_REGISTRY = join(tmpdir(), 'qingshan-stacks');

export interface RunningStack {
  pid: number;
  projectRoot: string;
  dataDir: string;
  urls: { api: string; dynamodb: string; s3: string; mqtt: string; mqttWs: string };
}

export const registerRunningStack = async (
  stack: RunningStack,
  registry = DEFAULT_REGISTRY,
): Promise<() => Promise<void>> => {
  await mkdir(registry, { recursive: true });
  const file = join(registry, `${stack.pid}.json`);
  await writeFile(file, JSON.stringify(stack, null, 2), { mode: 0o600 });
  return () => rm(file, { force: true });
};

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readStack = async (file: string): Promise<RunningStack | undefined> => {
  try {
    const stack = JSON.parse(await readFile(file, 'utf8')) as Partial<RunningStack>;
    return typeof stack.pid === 'number' && stack.urls !== undefined ? (stack as RunningStack) : undefined;
  } catch {
    return undefined;
  }
};

/** The stacks of this project that are running now. */
export const runningStacks = async (
  projectRoot: string,
  registry = DEFAULT_REGISTRY,
): Promise<RunningStack[]> => {
  const names = await readdir(registry).catch(() => [] as string[]);
  const found: RunningStack[] = [];
  for (const name of names.filter((candidate) => candidate.endsWith('.json'))) {
    const stack = await readStack(join(registry, name));
    if (stack === undefined || !isRunning(stack.pid)) {
      await rm(join(registry, name), { force: true });
      continue;
    }
    if (resolve(stack.projectRoot) === resolve(projectRoot)) found.push(stack);
  }
  return found;
};

/**
 * The one running stack a command should talk to: the one on `--data-dir` when given, else the only one
 * running. Otherwise a sentence saying what to do (start one, or pick one of several).
 */
export const findRunningStack = async (
  projectRoot: string,
  dataDir: string | undefined,
  registry = DEFAULT_REGISTRY,
): Promise<RunningStack | string> => {
  const running = await runningStacks(projectRoot, registry);
  if (dataDir !== undefined) {
    const wanted = resolve(projectRoot, dataDir);
    return (
      running.find((stack) => resolve(stack.dataDir) === wanted) ??
      `No stack is running on ${wanted}. Start it with npm start -- --data-dir ${dataDir}.`
    );
  }
  if (running.length === 1 && running[0] !== undefined) return running[0];
  if (running.length === 0) return 'No running stack found. Start one first: npm start';
  return [
    'Several stacks are running; name one with --data-dir:',
    ...running.map((stack) => `  --data-dir ${stack.dataDir}   (API ${stack.urls.api}, pid ${stack.pid})`),
  ].join('\n');
};
