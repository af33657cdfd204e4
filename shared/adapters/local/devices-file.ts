import { readFile, rename, writeFile } from 'node:fs/promises';

/** One meter's broker secret, as the local runtime's devices.json keeps it (git-ignored, mode 600). */
export interface DeviceSecretEntry {
  meterId: string;
  secret: string;
}

export const readDeviceSecrets = async (file: string): Promise<DeviceSecretEntry[]> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DeviceSecretEntry[];
  } catch {
    return [];
  }
};

let writes = 0;

export const writeDeviceSecrets = async (
  file: string,
  entries: readonly DeviceSecretEntry[],
): Promise<void> => {
  // A sibling renamed over the file: the simulator never reads half a file. Each write its own
  // sibling, so two writes at once never rename the other's away.
  writes += 1;
  const temporary = `${file}.${process.pid}.${writes}.tmp`;
  await writeFile(temporary, JSON.stringify(entries, null, 2), { mode: 0o600 });
  await rename(temporary, file);
};

/** The last update queued per file: the local runtime's handlers share one process. */
const queues = new Map<string, Promise<void>>();

/**
 * Sets (or adds) one meter's current secret, keeping the others and their order. Updates of one file
 * run one after another: a read-modify-write racing another would drop the other's meter.
 */
export const recordDeviceSecret = (file: string, meterId: string, secret: string): Promise<void> => {
  const update = async () => {
    const entries = await readDeviceSecrets(file);
    const index = entries.findIndex((entry) => entry.meterId === meterId);
    if (index >= 0) entries[index] = { meterId, secret };
    else entries.push({ meterId, secret });
    await writeDeviceSecrets(file, entries);
  };
  const next = (queues.get(file) ?? Promise.resolve()).then(update, update);
  const settled = next.catch(() => undefined);
  queues.set(file, settled);
  void settled.then(() => {
    if (queues.get(file) === settled) queues.delete(file);
  });
  return next;
};
