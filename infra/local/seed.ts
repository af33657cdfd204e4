import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashDeviceSecret, newDeviceSecret } from '../../shared/adapters/device-secret.ts';
import { readDeviceSecrets, writeDeviceSecrets } from '../../shared/adapters/local/devices-file.ts';
import { bundledSeedYears } from '../../shared/domain/calendar/bundled-calendar.ts';
import { CASE_CATEGORIES } from '../../shared/domain/cases/case-categories.ts';
import { makeHandle } from '../../shared/domain/identifiers/handle.ts';
import type {
  DepartmentRecord,
  EnterpriseRecord,
  FacilityRecord,
  MeterRecord,
} from '../../shared/domain/registry/records.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { CalendarStore } from '../../shared/ports/calendar-store.ts';
import type { DeputyDirectory } from '../../shared/ports/deputy-directory.ts';
import type { DeviceCredentialStore } from '../../shared/ports/device-credential-store.ts';
import { DEMO_ENTERPRISES, DEMO_METER_PROFILES, DEMO_METERS } from './demo-registry.ts';
import type { LocalUser } from './local-issuer.ts';

/**
 * One demo user per role, and a second deputy to co-sign suggestions with; handler and head belong
 * to the ecology and environment bureau. The first user of a role is that role's printed token.
 */
const DEMO_USERS: readonly Omit<LocalUser, 'sub'>[] = [
  { username: 'deputy-li', groups: ['deputy'] },
  { username: 'deputy-zhao', groups: ['deputy'] },
  { username: 'handler-eco', groups: ['handler'], department: 'dept-ecology' },
  { username: 'head-eco', groups: ['head'], department: 'dept-ecology' },
  { username: 'supervisor-wang', groups: ['supervisor'] },
  { username: 'admin', groups: ['admin'] },
  // An enterprise account (docs/imports.md, "Who may import"): no role, imports ENT-0001's own data.
  { username: 'enterprise-zhao', groups: [], enterprise: 'ENT-0001' },
];

export interface DemoDevice {
  meterId: string;
  secret: string;
}

/**
 * The demo district leader (escalation level 3): a supervisor-role account apart from the one demo user
 * per role, named in QS_DISTRICT_LEADER_IDS. Keeps its id across restarts, like the demo users.
 */
export const seedDistrictLeader = async (dataDir: string): Promise<LocalUser> => {
  const file = join(dataDir, 'leader.json');
  const known = await readJson<{ sub?: string }>(file, {});
  const leader: LocalUser = {
    username: 'leader-zhao',
    groups: ['supervisor'],
    sub: known.sub ?? randomUUID(),
  };
  await writeFile(file, JSON.stringify({ sub: leader.sub }, null, 2));
  return leader;
};

/** Demo users keep their ids across restarts, so data they created stays theirs. */
export const seedUserList = async (dataDir: string): Promise<LocalUser[]> => {
  const file = join(dataDir, 'users.json');
  const known = await readJson<Record<string, string>>(file, {});
  const users = DEMO_USERS.map((user) => ({ ...user, sub: known[user.username] ?? randomUUID() }));
  await writeFile(
    file,
    JSON.stringify(Object.fromEntries(users.map((user) => [user.username, user.sub])), null, 2),
  );
  return users;
};

/** The first demo user of each role. */
export const firstOfEachRole = (users: readonly LocalUser[]): Record<Role, LocalUser> => {
  const byRole: Partial<Record<Role, LocalUser>> = {};
  for (const user of users) {
    const role = user.groups[0];
    if (role !== undefined) byRole[role] ??= user;
  }
  return byRole as Record<Role, LocalUser>;
};

export const seedUsers = async (dataDir: string): Promise<Record<Role, LocalUser>> =>
  firstOfEachRole(await seedUserList(dataDir));

/** Demo deputy names, by username; a deputy not listed is registered under their username. */
const DEMO_DEPUTY_NAMES: Readonly<Record<string, string>> = {
  'deputy-li': '李代表',
  'deputy-zhao': '赵代表',
};

/** Names the local sign-in page shows beside each demo user. */
export const DEMO_DISPLAY_NAMES: Readonly<Record<string, string>> = {
  ...DEMO_DEPUTY_NAMES,
  'handler-eco': '生态环境局 承办人 周',
  'head-eco': '生态环境局 负责人 陈',
  'supervisor-wang': '人大工作人员 王',
  admin: '系统管理员',
  'enterprise-zhao': '青山精密金属结构有限公司 企业账号 赵（ENT-0001）',
};

/**
 * The deputies among the seeded users go into the deputy directory (put-if-absent), so they can be
 * named as co-signers; in the cloud admins write these records (shared/ports/deputy-directory.ts).
 */
export const seedDeputies = async (
  directory: DeputyDirectory,
  users: readonly LocalUser[],
): Promise<void> => {
  for (const user of users.filter((candidate) => candidate.groups.includes('deputy'))) {
    const name = DEMO_DEPUTY_NAMES[user.username] ?? user.username;
    await directory.putDeputy({ id: user.sub, name, status: 'active' }, { ifAbsent: true });
  }
};

/**
 * Demo meters get broker credentials once; the secrets are kept in the git-ignored data folder so the
 * simulator and the README's mosquitto_pub example can use them (the table keeps only hashes).
 */
export const seedDevices = async (dataDir: string, store: DeviceCredentialStore): Promise<DemoDevice[]> => {
  const file = join(dataDir, 'devices.json');
  const known = await readDeviceSecrets(file);
  // All meters at once: each scrypt hash takes ~50 ms of CPU, and libuv runs them on its thread pool
  // (every test file boots a stack, so this is paid some fifty times a CI run).
  const devices = await Promise.all(
    DEMO_METERS.map(async (meterId): Promise<DemoDevice> => {
      const existing = known.find((device) => device.meterId === meterId);
      if (existing !== undefined && (await store.get(meterId)) !== undefined) return existing;
      const secret = newDeviceSecret();
      await store.put({
        meterId,
        secretHash: await hashDeviceSecret(secret),
        status: 'active',
        createdAt: new Date().toISOString(),
      });
      return { meterId, secret };
    }),
  );
  await writeDeviceSecrets(file, devices);
  return devices;
};

const readJson = async <T>(file: string, fallback: T): Promise<T> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
};

/** What `seedRegistry` needs: put-if-absent writes (the DynamoDB registry store has them). */
export interface RegistrySeedTarget {
  putDepartment(record: DepartmentRecord): Promise<boolean>;
  putEnterprise(record: EnterpriseRecord): Promise<boolean>;
  putFacility(record: FacilityRecord): Promise<boolean>;
  putMeter(record: MeterRecord): Promise<boolean>;
}

/** The departments the case categories dispatch to by default, each with the categories it takes. */
const DEMO_DEPARTMENTS: readonly { id: string; name: string; nameEn: string }[] = [
  { id: 'dept-ecology', name: '区生态环境局', nameEn: 'District Ecology and Environment Bureau' },
  { id: 'dept-urban-management', name: '区城市管理局', nameEn: 'District Urban Management Bureau' },
  {
    id: 'dept-housing-construction',
    name: '区住房和城乡建设局',
    nameEn: 'District Housing and Urban-Rural Development Bureau',
  },
  { id: 'dept-water', name: '区水务局', nameEn: 'District Water Affairs Bureau' },
];

/**
 * Departments, the demo enterprises with one facility each, and the profiles of the demo meters
 * (demo-registry.ts).
 * Put-if-absent, so restarts keep whatever was changed since.
 */
export const seedRegistry = async (store: RegistrySeedTarget, prefix: string): Promise<void> => {
  const now = new Date().toISOString();
  const versioned = { version: 1, createdAt: now, updatedAt: now };
  for (const department of DEMO_DEPARTMENTS) {
    await store.putDepartment({
      ...department,
      ...versioned,
      categories: CASE_CATEGORIES.filter((category) => category.defaultDepartmentId === department.id).map(
        (category) => category.id,
      ),
      handlesSuggestions: true,
    });
  }
  for (const [index, enterprise] of DEMO_ENTERPRISES.entries()) {
    await store.putEnterprise({
      ...enterprise,
      ...versioned,
      handle: makeHandle(prefix, 'enterprise', enterprise.id),
      status: 'active',
    });
    const facilityId = `FAC-${String(index + 1).padStart(4, '0')}`;
    await store.putFacility({
      id: facilityId,
      enterpriseId: enterprise.id,
      name: `${enterprise.name}主厂区`,
      address: enterprise.address,
      ...versioned,
    });
  }
  for (const meter of DEMO_METER_PROFILES) {
    const enterprise = DEMO_ENTERPRISES.find((candidate) => candidate.id === meter.enterpriseId);
    await store.putMeter({
      ...meter,
      ...versioned,
      handle: makeHandle(prefix, 'meter', meter.id),
      industryCode: enterprise?.industryCode ?? '',
      greenPower: meter.greenPower ?? false,
      status: 'active',
    });
  }
};

/**
 * The bundled 2025 and 2026 notices as version 1 of their years (loaded by `seed`), unless a version
 * is there already; in the cloud an admin loads them once with PUT /calendar/years/{year} (README).
 */
export const seedCalendar = async (store: CalendarStore, at: Date = new Date()): Promise<void> => {
  const loaded = new Set((await store.currentYears()).map((year) => year.year));
  for (const document of bundledSeedYears().filter((year) => !loaded.has(year.year))) {
    await store.putYear({
      year: document.year,
      version: 1,
      loadedAt: at.toISOString(),
      loadedBy: 'seed',
      document,
    });
  }
};
