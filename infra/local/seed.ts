import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashDeviceSecret, newDeviceSecret } from '../../shared/adapters/device-secret.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { DeviceCredentialStore } from '../../shared/ports/device-credential-store.ts';
import type { LocalUser } from './local-issuer.ts';

/** One demo user per role; handler and head belong to the ecology and environment bureau. */
const DEMO_USERS: readonly Omit<LocalUser, 'sub'>[] = [
  { username: 'deputy-li', groups: ['deputy'] },
  { username: 'handler-eco', groups: ['handler'], department: 'dept-ecology' },
  { username: 'head-eco', groups: ['head'], department: 'dept-ecology' },
  { username: 'supervisor-wang', groups: ['supervisor'] },
  { username: 'admin', groups: ['admin'] },
];

export const DEMO_METERS = ['MTR-0001', 'MTR-0002', 'MTR-0003'] as const;

export interface DemoDevice {
  meterId: string;
  secret: string;
}

/** Demo users keep their ids across restarts, so data they created stays theirs. */
export const seedUsers = async (dataDir: string): Promise<Record<Role, LocalUser>> => {
  const file = join(dataDir, 'users.json');
  const known = await readJson<Record<string, string>>(file, {});
  const users = DEMO_USERS.map((user) => ({ ...user, sub: known[user.username] ?? randomUUID() }));
  await writeFile(
    file,
    JSON.stringify(Object.fromEntries(users.map((user) => [user.username, user.sub])), null, 2),
  );
  return Object.fromEntries(users.map((user) => [user.groups[0], user])) as Record<Role, LocalUser>;
};

/**
 * Demo meters get broker credentials once; the secrets are kept in the git-ignored data folder so the
 * simulator and the README's mosquitto_pub example can use them (the table keeps only hashes).
 */
export const seedDevices = async (dataDir: string, store: DeviceCredentialStore): Promise<DemoDevice[]> => {
  const file = join(dataDir, 'devices.json');
  const known = await readJson<DemoDevice[]>(file, []);
  const devices: DemoDevice[] = [];
  for (const meterId of DEMO_METERS) {
    const existing = known.find((device) => device.meterId === meterId);
    if (existing !== undefined && (await store.get(meterId)) !== undefined) {
      devices.push(existing);
      continue;
    }
    const secret = newDeviceSecret();
    await store.put({
      meterId,
      secretHash: await hashDeviceSecret(secret),
      status: 'active',
      createdAt: new Date().toISOString(),
    });
    devices.push({ meterId, secret });
  }
  await writeFile(file, JSON.stringify(devices, null, 2), { mode: 0o600 });
  return devices;
};

const readJson = async <T>(file: string, fallback: T): Promise<T> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
};
