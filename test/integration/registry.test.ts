import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import type { DepartmentList, FactorList } from '../../shared/contracts/registry.ts';
import { isUscc } from '../../shared/domain/registry/uscc.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe('GET /departments', () => {
  it('lists the seeded departments with their case categories for a deputy', async () => {
    const response = await stack.api('/departments', { token: stack.stack.users.deputy.token });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as DepartmentList;
    expect(items.map((department) => department.id).sort()).toEqual([
      'dept-ecology',
      'dept-housing-construction',
      'dept-urban-management',
      'dept-water',
    ]);
    const ecology = items.find((department) => department.id === 'dept-ecology');
    expect(ecology?.name).toBe('区生态环境局');
    expect(ecology?.categories).toEqual(['waterPollution', 'soilPollution', 'noise', 'other']);
    expect(items.find((department) => department.id === 'dept-water')?.categories).toEqual(['sewage']);
    expect(JSON.stringify(items)).not.toContain('gsi1pk');
  });

  it('refuses a request without a token', async () => {
    const response = await stack.api('/departments');
    expect(response.status).toBe(401);
  });
});

describe('DynamoRegistryStore', () => {
  it('reads the seeded meter, enterprise and facility profiles', async () => {
    const store = new DynamoRegistryStore(stack.dynamo, localTableName('registry'));
    const meter = await store.getMeter('MTR-0001');
    expect(meter).toMatchObject({
      id: 'MTR-0001',
      handle: '88.118.8/meter.MTR-0001',
      energyType: 'electricity',
      unit: 'kWh',
      readingKind: 'interval',
      scope: 2,
      gridRegion: 'CN-SOUTH',
      status: 'active',
    });
    expect(meter).not.toHaveProperty('pk');
    expect(await store.getMeter('MTR-0002')).toMatchObject({
      readingKind: 'cumulative',
      rolloverValue: 99_999_999,
      scope: 1,
    });
    const enterprise = await store.getEnterprise(meter?.enterpriseId ?? '');
    expect(enterprise !== undefined && isUscc(enterprise.uscc)).toBe(true);
    expect(await store.getFacility(meter?.facilityId ?? '')).toMatchObject({ enterpriseId: enterprise?.id });
    expect(await store.getMeter('MTR-9999')).toBeUndefined();
  });

  it('lists enterprises and meters a page at a time, meters filtered by enterprise, facility and status', async () => {
    const store = new DynamoRegistryStore(stack.dynamo, localTableName('registry'));
    const first = await store.listEnterprises({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.cursor).toBeDefined();
    const second = await store.listEnterprises({
      limit: 1,
      ...(first.cursor ? { cursor: first.cursor } : {}),
    });
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    const enterprises = await store.listEnterprises({ limit: 100 });
    expect(enterprises.items.map((e) => e.id)).toEqual(expect.arrayContaining(['ENT-0001', 'ENT-0002']));
    expect(enterprises.items[0]).not.toHaveProperty('gsi1pk');

    const ofFirst = await store.listMeters({ enterpriseId: 'ENT-0001', limit: 100 });
    expect(ofFirst.items.length).toBeGreaterThanOrEqual(2);
    expect(ofFirst.items.every((meter) => meter.enterpriseId === 'ENT-0001')).toBe(true);
    const ofFacility = await store.listMeters({ facilityId: 'FAC-0002', limit: 100 });
    expect(ofFacility.items.map((meter) => meter.id)).toContain('MTR-0002');
    expect(ofFacility.items.every((meter) => meter.facilityId === 'FAC-0002')).toBe(true);
    expect(
      (await store.listMeters({ status: 'retired', limit: 100 })).items.every((m) => m.status === 'retired'),
    ).toBe(true);
    expect((await store.listMeters({ facilityId: 'FAC-9999' })).items).toEqual([]);
    expect((await store.listFacilities('ENT-0001')).map((facility) => facility.id)).toContain('FAC-0001');
  });

  it('seeding over data from before the list index keeps the record but fills in its index keys and claims', async () => {
    const store = new DynamoRegistryStore(stack.dynamo, localTableName('registry'));
    const table = localTableName('registry');
    const old = {
      id: 'ENT-OLD1',
      handle: '88.118.8/enterprise.ENT-OLD1',
      name: '旧数据企业',
      uscc: '914403001922038216',
      industryCode: 'C3311',
      address: '旧址',
      status: 'active' as const,
      version: 4,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    // As an earlier seed wrote it: no gsi1 keys, no USCC or identifier items.
    await stack.dynamo.send(
      new PutCommand({ TableName: table, Item: { ...old, pk: 'ENTERPRISE#ENT-OLD1', sk: 'PROFILE' } }),
    );
    expect(await store.putEnterprise({ ...old, name: 'changed', version: 1 })).toBe(false);
    expect(await store.getEnterprise('ENT-OLD1')).toMatchObject({ name: '旧数据企业', version: 4 });
    expect((await store.listEnterprises({ limit: 100 })).items.map((e) => e.id)).toContain('ENT-OLD1');
    const claim = await stack.dynamo.send(
      new GetCommand({ TableName: table, Key: { pk: `USCC#${old.uscc}`, sk: 'UNIQUE' } }),
    );
    expect(claim.Item?.enterpriseId).toBe('ENT-OLD1');
  });

  it('put-if-absent keeps an existing record', async () => {
    const store = new DynamoRegistryStore(stack.dynamo, localTableName('registry'));
    const existing = await store.getDepartment('dept-water');
    if (existing === undefined) throw new Error('dept-water not seeded');
    expect(await store.putDepartment({ ...existing, name: 'changed' })).toBe(false);
    expect((await store.getDepartment('dept-water'))?.name).toBe('区水务局');
  });
});

describe('GET /factors', () => {
  it('lists the factor library with handles and citations, filtered by kind', async () => {
    const response = await stack.api('/factors?kind=fuel-carbon', { token: stack.stack.users.deputy.token });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as FactorList;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((factor) => factor.kind === 'fuel-carbon')).toBe(true);
    const gas = items.find((factor) => factor.id === 'gbt32150.fuel-carbon.natural-gas');
    expect(gas).toMatchObject({
      version: 1,
      handle: '88.118.8/factor.gbt32150_fuel-carbon_natural-gas-v1',
      region: 'CN',
      year: 2015,
    });
    expect(gas?.citation).toContain('天然气');
    expect(gas?.values).toHaveProperty('ncv');
    expect(gas?.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(gas?.verification.status).toBe('unverified');
  });

  it('shows the methods, grid programmes, GWP sets, regions and defaults figures can use', async () => {
    const { accounting } = (await (
      await stack.api('/factors', { token: stack.stack.users.deputy.token })
    ).json()) as FactorList;

    expect(accounting.methods.map((m) => [m.id, m.combustionGases])).toEqual([
      ['gbt-32150', ['CO2']],
      ['ipcc-2006', ['CO2', 'CH4', 'N2O']],
    ]);
    expect(accounting.programmes.map((p) => p.id)).toEqual([
      'mee-nbs-national',
      'mee-nbs-regional',
      'mee-nbs-provincial',
      'mee-ets-power',
      'mee-nbs-residual-mix',
    ]);
    expect(accounting.gwpSets.map((g) => [g.id, g.gwp['CH4-fossil']])).toEqual([
      ['AR2', 21],
      ['AR4', 25],
      ['AR5', 28],
      ['AR6', 29.8],
    ]);
    expect(accounting.regions.map((r) => r.code)).toContain('CN-SOUTHWEST');
    expect(accounting.defaults).toEqual({
      method: 'gbt-32150',
      programme: 'mee-nbs-regional',
      gwpSet: 'AR5',
    });
  });

  it('returns every kind without filters and refuses a request without a token', async () => {
    const all = (await (
      await stack.api('/factors', { token: stack.stack.users.deputy.token })
    ).json()) as FactorList;
    expect(new Set(all.items.map((factor) => factor.kind)).size).toBeGreaterThan(2);
    expect((await stack.api('/factors')).status).toBe(401);
  });
});
