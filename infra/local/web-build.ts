import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `npm start` serves the built web app; it builds it first when a source file is newer than the
 * build (or there is none), so a fresh clone needs no extra step. `npm run dev:web` hot-reloads.
 */
export const ensureWebBuilt = async (projectRoot: string, log: (line: string) => void): Promise<void> => {
  const web = join(projectRoot, 'web');
  const built = await oldest([
    join(web, 'dist', 'app', 'index.html'),
    join(web, 'dist', 'console', 'index.html'),
  ]);
  const sources = await newestSource([
    join(web, 'src'),
    join(web, 'app'),
    join(web, 'console'),
    join(web, 'public'),
  ]);
  const config = await mtime(join(web, 'vite.config.ts'));
  if (built !== undefined && built >= Math.max(sources, config ?? 0)) return;
  log('Building the web app (web/ → web/dist)…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        'web/vite.config.ts',
      ],
      // A production build even when started from tests (vitest sets NODE_ENV=test).
      {
        cwd: projectRoot,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited ${code}`))));
  });
};

const mtime = async (file: string): Promise<number | undefined> => {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
};

/** The older of the built shells (undefined when one is missing): a build writes them all. */
const oldest = async (files: readonly string[]): Promise<number | undefined> => {
  const times = await Promise.all(files.map(mtime));
  return times.some((time) => time === undefined) ? undefined : Math.min(...(times as number[]));
};

const newestSource = async (dirs: readonly string[]): Promise<number> => {
  let newest = 0;
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = await readdir(dir, { recursive: true });
    } catch {
      continue;
    }
    for (const entry of entries) newest = Math.max(newest, (await mtime(join(dir, entry))) ?? 0);
  }
  return newest;
};
