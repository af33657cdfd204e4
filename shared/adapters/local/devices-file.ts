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

export const writeDeviceSecrets = async (
  file: string,
  entries: readonly DeviceSecretEntry[],
): Promise<void> => {
  // A sibling renamed over the file: the simulator never reads half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(entries, null, 2), { mode: 0o600 });
  await rename(temporary, file);
};

/** Sets (or adds) one meter's current secret, keeping the others and their order. */
export const recordDeviceSecret = async (file: string, meterId: string, secret: string): Promise<void> => {
  const entries = await readDeviceSecrets(file);
  const index = entries.findIndex((entry) => entry.meterId === meterId);
  if (index >= 0) entries[index] = { meterId, secret };
  else entries.push({ meterId, secret });
  await writeDeviceSecrets(file, entries);
};
