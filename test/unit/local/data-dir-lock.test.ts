import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from '../../../infra/local/data-dir-lock.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'qingshan-lock-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('data folder lock', () => {
  it('lets one stack hold a data folder and refuses a second while it runs', async () => {
    const dataDir = join(root, '.qingshan');
    // The lock file names a live process other than this one: the parent of the test runner.
    await writeFile(`${dataDir}.lock`, String(process.ppid));
    await expect(lockDataDir(dataDir)).rejects.toBeInstanceOf(DataDirBusyError);
  });

  it('takes over a lock left by a process that is gone, and releases it', async () => {
    const dataDir = join(root, '.qingshan');
    await writeFile(`${dataDir}.lock`, '2147483646');
    const release = await lockDataDir(dataDir);
    expect(await readFile(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    await release();
    await expect(readFile(`${dataDir}.lock`, 'utf8')).rejects.toThrow();
  });
});
