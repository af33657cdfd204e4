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
  });

  it('returns every kind without filters and refuses a request without a token', async () => {
    const all = (await (
      await stack.api('/factors', { token: stack.stack.users.deputy.token })
    ).json()) as FactorList;
    expect(new Set(all.items.map((factor) => factor.kind)).size).toBeGreaterThan(2);
    expect((await stack.api('/factors')).status).toBe(401);
  });
});
