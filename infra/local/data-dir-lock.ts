import { readFileSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';

/**
 * One `npm start` per data folder: two stacks on the same folder would run two DynamoDB Local
 * processes on the same files. The lock is a file beside the folder (`.qingshan.lock`), so that
 * `--reset`, which deletes the folder, cannot delete it; it holds the owner's pid, and a lock left
 * by a process that no longer runs (a killed stack) is taken over.
 */
export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the lock or throws DataDirBusyError; resolves to the function that releases it. */
export const lockDataDir = async (dataDir: string): Promise<() => Promise<void>> => {
  const path = `${dataDir.replace(/[\\/]+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      // Also released when the process exits without a clean stop (a second Ctrl-C).
      const releaseOnExit = () => {
        if (readFileSync(path, { encoding: 'utf8', flag: 'a+' }) === String(process.pid))
          rmSync(path, { force: true });
      };
      process.once('exit', releaseOnExit);
      return async () => {
        process.off('exit', releaseOnExit);
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new DataDirBusyError(
          `another Qingshan stack (pid ${owner}) is using ${dataDir}; stop it, or start this one with --data-dir <another folder>`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new DataDirBusyError(`could not lock ${dataDir}`);
};
