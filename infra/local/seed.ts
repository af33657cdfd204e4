import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashDeviceSecret, newDeviceSecret } from '../../shared/adapters/device-secret.ts';
import { CASE_CATEGORIES } from '../../shared/domain/cases/case-categories.ts';
import { makeHandle } from '../../shared/domain/identifiers/handle.ts';
import type {
  DepartmentRecord,
  EnterpriseRecord,
  FacilityRecord,
  MeterRecord,
} from '../../shared/domain/registry/records.ts';
import { computeUsccCheckCharacter } from '../../shared/domain/registry/uscc.ts';
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

/** What `seedRegistry` needs: put-if-absent writes (the DynamoDB registry store has them). */
export interface RegistrySeedTarget {
  putDepartment(record: DepartmentRecord): Promise<boolean>;
  putEnterprise(record: EnterpriseRecord): Promise<boolean>;
  putFacility(record: FacilityRecord): Promise<boolean>;
  putMeter(record: MeterRecord): Promise<boolean>;
}

/** A demo USCC: the given 17 characters plus their GB 32100 check character. */
const demoUscc = (body: string): string => body + computeUsccCheckCharacter(body);

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

const DEMO_ENTERPRISES = [
  {
    id: 'ENT-0001',
    name: '青山精密金属结构有限公司',
    uscc: demoUscc('91440300MA5F8K2L3'),
    industryCode: 'C3311',
    address: '青山区工业园东区 8 号',
  },
  {
    id: 'ENT-0002',
    name: '青山印染有限公司',
    uscc: demoUscc('91440300770812345'),
    industryCode: 'C1713',
    address: '青山区滨河路 21 号',
  },
] as const;

type DemoMeter = Pick<
  MeterRecord,
  'id' | 'name' | 'energyType' | 'unit' | 'readingKind' | 'scope' | 'expectedIntervalSeconds'
> &
  Partial<Pick<MeterRecord, 'rolloverValue' | 'gridRegion'>> & { enterpriseId: string; facilityId: string };

const DEMO_METER_PROFILES: readonly DemoMeter[] = [
  {
    id: 'MTR-0001',
    enterpriseId: 'ENT-0001',
    facilityId: 'FAC-0001',
    name: '总进线电表',
    energyType: 'electricity',
    unit: 'kWh',
    readingKind: 'interval',
    scope: 2,
    gridRegion: 'CN-SOUTH',
    expectedIntervalSeconds: 900,
  },
  {
    id: 'MTR-0002',
    enterpriseId: 'ENT-0002',
    facilityId: 'FAC-0002',
    name: '锅炉天然气表',
    energyType: 'natural-gas',
    unit: 'Nm3',
    readingKind: 'cumulative',
    rolloverValue: 99_999_999,
    scope: 1,
    expectedIntervalSeconds: 900,
  },
  {
    id: 'MTR-0003',
    enterpriseId: 'ENT-0001',
    facilityId: 'FAC-0001',
    name: '备用发电机柴油表',
    energyType: 'diesel',
    unit: 'L',
    readingKind: 'interval',
    scope: 1,
    expectedIntervalSeconds: 3600,
  },
];

/**
 * Departments, two enterprises with one facility each, and the profiles of the demo meters.
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
      greenPower: false,
      status: 'active',
    });
  }
};
