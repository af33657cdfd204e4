import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import {
  budgetCheckDeps,
  DynamoCarbonReadStore,
} from '../../shared/adapters/dynamodb/carbon/carbon-read-store.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { checkBudgets } from '../../shared/domain/carbon/budgets/budget-check.ts';
import type { Granularity, RollupLevel } from '../../shared/domain/carbon/rollups/rollup-model.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

/**
 * Emissions, rankings, trace, budgets and alerts over HTTP against the local stack. Rollup items
 * are written straight into the carbon table with rollup-model's keys, as the ingest would leave
 * them, so every expected number below is the hand sum of what is written here.
 */

let t: TestStack;
const carbon = localTableName('carbon');
const token = (role: Role) => t.stack.users[role].token;

const get = async <T>(path: string, role: Role, status = 200): Promise<T> => {
  const response = await t.api(path, { token: token(role) });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(status);
  return (await response.json()) as T;
};

const putJson = (path: string, role: Role, body: unknown) =>
  t.api(path, {
    method: 'PUT',
    token: token(role),
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const putRollup = (level: RollupLevel, id: string, gran: Granularity, period: string, item: object) =>
  t.dynamo.send(
    new PutCommand({ TableName: carbon, Item: { pk: rollupPk(level, id, gran), sk: period, ...item } }),
  );

const GRID = 'mee-nbs.grid-average.CN-SOUTH.2022@1';
const DIESEL = 'gbt32150.fuel-carbon.diesel@1';

/** One message's entry in a meter-hour item's batch log, shaped as the ingest plans it. */
const logEntry = (messageId: string, co2eT: number, factorRef: string) => ({
  messageId,
  batchHandle: `88.118.8/batch.${messageId}`,
  clientId: 'sim',
  receivedAt: '2026-11-28T01:00:05.000Z',
  readings: [{ ts: '2026-11-28T01:00:00.000Z', quantity: 100 }],
  deltas: [{ ts: '2026-11-28T01:00:00.000Z', quantity: 100, co2eT, sign: 1 }],
  co2eT,
  factorRefs: [factorRef],
  gwpSet: 'AR5',
});

beforeAll(async () => {
  t = await startTestStack();
  // ENT-0001 (C3311) by the hour on 2026-11-28: 09 electricity only, 11 diesel + electricity.
  await putRollup('enterprise', 'ENT-0001', 'hour', '2026-11-28T09', {
    co2eT: 0.4042,
    co2eMarketT: 0.2,
    scope2LocationT: 0.4042,
    scope2MarketT: 0.2,
    e_electricityT: 0.4042,
    g_CO2T: 0.4042,
    q_electricity: 1000,
    u_electricity: 'kWh',
    // Energy in fixed point (mg of standard coal): 1 000 kWh × 0.1229 kgce/kWh = 0.1229 tce
    tce_mg: 122_900_000,
    tce_electricity_mg: 122_900_000,
    readings: 4,
    batches: 1,
  });
  await putRollup('enterprise', 'ENT-0001', 'hour', '2026-11-28T11', {
    co2eT: 2.9,
    co2eMarketT: 2.9,
    scope1T: 2.5,
    scope2LocationT: 0.4,
    scope2MarketT: 0.4,
    e_dieselT: 2.5,
    e_electricityT: 0.4,
    g_CO2T: 2.89,
    g_N2OT: 0.00002,
    q_diesel: 930,
    u_diesel: 'L',
    q_electricity: 989.6,
    u_electricity: 'kWh',
    // 1 tce of diesel; 989.6 kWh × 0.1229 kgce/kWh = 0.1216184 tce
    tce_mg: 1_121_618_400,
    tce_diesel_mg: 1_000_000_000,
    tce_electricity_mg: 121_618_400,
    readings: 6,
    batches: 2,
  });
  // November by enterprise, industry and meter: ENT-0002 emits more than ENT-0001.
  const month = (co2eT: number, extra: object = {}) => ({
    co2eT,
    co2eMarketT: co2eT,
    readings: 10,
    ...extra,
  });
  await putRollup(
    'enterprise',
    'ENT-0001',
    'month',
    '2026-11',
    month(120, { factorRefs: new Set([GRID, DIESEL, 'AR5']) }),
  );
  await putRollup('enterprise', 'ENT-0002', 'month', '2026-11', month(300));
  await putRollup('industry', 'C3311', 'month', '2026-11', month(120));
  await putRollup('industry', 'C1713', 'month', '2026-11', month(300));
  await putRollup('meter', 'MTR-0001', 'month', '2026-11', month(80));
  await putRollup('meter', 'MTR-0003', 'month', '2026-11', month(40));
  await putRollup('meter', 'MTR-0002', 'month', '2026-11', month(300));
  await putRollup('city', 'city', 'month', '2026-11', month(420));
  // The ingest's per-message log on meter-hour items: two hours of MTR-0001, one of MTR-0003.
  await putRollup('meter', 'MTR-0001', 'hour', '2026-11-28T09', {
    co2eT: 0.04,
    batchLog: [logEntry('m-1', 0.02, GRID), logEntry('m-2', 0.02, GRID)],
  });
  await putRollup('meter', 'MTR-0001', 'hour', '2026-11-28T10', {
    co2eT: 0.02,
    batchLog: [logEntry('m-3', 0.02, GRID)],
  });
  await putRollup('meter', 'MTR-0003', 'hour', '2026-11-28T11', {
    co2eT: 2.5,
    batchLog: [logEntry('d-1', 2.5, DIESEL)],
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

interface Series {
  id: string;
  name?: string;
  units: { emissions: string };
  series: { period: string; co2eT: number; readings: number; energyTypes: Record<string, number> }[];
  totals: {
    co2eT: number;
    scope1T: number;
    scope2LocationT: number;
    co2eMarketT: number;
    tce: number;
    readings: number;
  };
  breakdowns: {
    byScope: { scope: string; tCO2e: number }[];
    byEnergyType: { energyType: string; tCO2e: number; quantity?: number; unit?: string }[];
    byGas: { gas: string; tonnes: number }[];
  };
}

describe('GET /emissions', () => {
  it('gives every hour in range, zeros where nothing was recorded, with totals and breakdowns', async () => {
    const body = await get<Series>(
      '/emissions?level=enterprise&id=ENT-0001&from=2026-11-28T08&to=2026-11-28T12&granularity=hour',
      'supervisor',
    );
    expect(body.units.emissions).toBe('tCO2e');
    expect(body.name).toBe('青山精密金属结构有限公司');
    expect(body.series.map((p) => [p.period, p.co2eT])).toEqual([
      ['2026-11-28T08', 0],
      ['2026-11-28T09', 0.4042],
      ['2026-11-28T10', 0],
      ['2026-11-28T11', 2.9],
      ['2026-11-28T12', 0],
    ]);
    // 0.4042 + 2.9 = 3.3042; scope 1 = 2.5; scope 2 location 0.4042 + 0.4 = 0.8042; market 0.2 + 2.9 = 3.1
    expect(body.totals).toMatchObject({
      co2eT: 3.3042,
      scope1T: 2.5,
      scope2LocationT: 0.8042,
      co2eMarketT: 3.1,
      readings: 10,
    });
    // tce: 1 + 0.1229 + 0.1216184 = 1.2445184; diesel 1 / 1.2445184, electricity 0.2445184 / 1.2445184
    expect(body.totals.tce).toBeCloseTo(1.2445184, 9);
    expect(body.breakdowns.byEnergyType).toEqual([
      {
        energyType: 'diesel',
        tCO2e: 2.5,
        share: expect.closeTo(0.75661, 4),
        quantity: 930,
        unit: 'L',
        tce: 1,
        tceShare: expect.closeTo(0.80352, 4),
      },
      {
        energyType: 'electricity',
        tCO2e: 0.8042,
        share: expect.closeTo(0.24339, 4),
        quantity: 1989.6,
        unit: 'kWh',
        tce: expect.closeTo(0.2445184, 9),
        tceShare: expect.closeTo(0.19648, 4),
      },
    ]);
    // CO2 0.4042 + 2.89 = 3.2942 t; N2O 0.00002 t
    expect(body.breakdowns.byGas).toEqual([
      { gas: 'CO2', tonnes: 3.2942 },
      { gas: 'CH4', tonnes: 0 },
      { gas: 'N2O', tonnes: 0.00002 },
    ]);
  });

  it('fills a month of days with zeros for a target that never emitted', async () => {
    const body = await get<Series>(
      '/emissions?level=industry&id=C2511&from=2026-11&to=2026-11&granularity=day',
      'admin',
    );
    expect(body.series).toHaveLength(30);
    expect(body.totals.co2eT).toBe(0);
  });

  it('refuses a range longer than 744 hours with 422 naming the field', async () => {
    // 2026-10-01 … 2026-11-30 is 61 days = 1464 hours.
    const problem = await get<{ status: number; errors: { path: string }[] }>(
      '/emissions?level=city&from=2026-10&to=2026-11&granularity=hour',
      'supervisor',
      422,
    );
    expect(problem.errors[0]?.path).toBe('/query/to');
  });

  it('refuses unreadable bounds with 400 and the field', async () => {
    const problem = await get<{ errors: { path: string }[] }>(
      '/emissions?level=city&from=2026-02-30&to=2026-03&granularity=day',
      'supervisor',
      400,
    );
    expect(problem.errors.map((e) => e.path)).toContain('/query/from');
  });

  it('shows deputies the city but not an enterprise; unknown enterprises are 404', async () => {
    const city = await get<Series>(
      '/emissions?level=city&from=2026-11&to=2026-11&granularity=month',
      'deputy',
    );
    expect(city.totals.co2eT).toBe(420);
    await get(
      '/emissions?level=enterprise&id=ENT-0001&from=2026-11&to=2026-11&granularity=month',
      'deputy',
      403,
    );
    await get('/emissions?level=industry&id=C3311&from=2026-11&to=2026-11&granularity=month', 'handler', 403);
    await get(
      '/emissions?level=enterprise&id=ENT-9999&from=2026-11&to=2026-11&granularity=month',
      'supervisor',
      404,
    );
  });
});

interface Ranking {
  entities: number;
  items: {
    rank: number;
    id: string;
    co2eT: number;
    budget?: { limitTonnes: number; use: number };
    industryCode?: string;
    location?: { latitude: number; longitude: number };
  }[];
}
interface Budget {
  level: string;
  targetId: string;
  period: string;
  limitTonnes: number;
  warningRatio: number;
  version: number;
}

describe('budgets', () => {
  it('creates, refuses a blind overwrite, replaces at the read version, refuses a stale one', async () => {
    const created = await putJson('/budgets/enterprise/ENT-0001/2026-11', 'admin', { limitTonnes: 200 });
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ limitTonnes: 200, warningRatio: 0.8, version: 1 });
    expect(
      (await putJson('/budgets/enterprise/ENT-0001/2026-11', 'admin', { limitTonnes: 150 })).status,
    ).toBe(409);
    const replaced = await putJson('/budgets/enterprise/ENT-0001/2026-11', 'admin', {
      limitTonnes: 150,
      version: 1,
    });
    expect(await replaced.json()).toMatchObject({ limitTonnes: 150, version: 2 });
    const stale = await putJson('/budgets/enterprise/ENT-0001/2026-11', 'admin', {
      limitTonnes: 999,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    // The version may come as If-Match instead, as for cases.
    const viaHeader = await t.api('/budgets/enterprise/ENT-0001/2026-11', {
      method: 'PUT',
      token: token('admin'),
      headers: { 'content-type': 'application/json', 'if-match': '"2"' },
      body: JSON.stringify({ limitTonnes: 150 }),
    });
    expect(await viaHeader.json()).toMatchObject({ limitTonnes: 150, version: 3 });
  });

  it('checks the caller, the target and the body', async () => {
    expect(
      (await putJson('/budgets/enterprise/ENT-0002/2026-11', 'supervisor', { limitTonnes: 1 })).status,
    ).toBe(403);
    expect((await putJson('/budgets/enterprise/ENT-9999/2026-11', 'admin', { limitTonnes: 1 })).status).toBe(
      404,
    );
    const bad = await putJson('/budgets/enterprise/ENT-0002/2026-13', 'admin', {
      limitTonnes: -1,
      warningRatio: 1.5,
    });
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/path/period', '/body/limitTonnes', '/body/warningRatio']),
    );
  });

  it('lists budgets for staff only', async () => {
    expect(
      (
        await putJson('/budgets/enterprise/ENT-0002/2026-11', 'admin', {
          limitTonnes: 250,
          warningRatio: 0.9,
        })
      ).status,
    ).toBe(200);
    const mine = await get<{ items: Budget[] }>('/budgets?level=enterprise&id=ENT-0001', 'supervisor');
    expect(mine.items.map((b) => [b.targetId, b.period, b.limitTonnes, b.version])).toEqual([
      ['ENT-0001', '2026-11', 150, 3],
    ]);
    const all = await get<{ items: Budget[] }>('/budgets', 'admin');
    expect(all.items.map((b) => b.targetId)).toEqual(['ENT-0001', 'ENT-0002']);
    await get('/budgets', 'deputy', 403);
  });
});

describe('GET /emissions/rankings', () => {
  it('orders enterprises by the month total and shows budget use', async () => {
    const ranking = await get<Ranking>('/emissions/rankings?level=enterprise&period=2026-11', 'supervisor');
    // Every registered enterprise is ranked (the demo seed has more than the two with emissions).
    const enterprises = await get<{ items: unknown[] }>('/enterprises?limit=100', 'admin');
    expect(ranking.entities).toBe(enterprises.items.length);
    // ENT-0002: 300 / 250 = 1.2; ENT-0001: 120 / 150 = 0.8 (budgets set above); the rest emit nothing
    expect(ranking.items.slice(0, 2).map((row) => [row.rank, row.id, row.co2eT, row.budget?.use])).toEqual([
      [1, 'ENT-0002', 300, 1.2],
      [2, 'ENT-0001', 120, 0.8],
    ]);
  });

  it('ranks meters (zeros included) and industries, and honours the limit', async () => {
    const meters = await get<Ranking>('/emissions/rankings?level=meter&period=2026-11&limit=2', 'admin');
    const registered = await get<{ items: unknown[] }>('/meters?limit=100', 'admin');
    expect(meters.entities).toBe(registered.items.length);
    expect(meters.items.map((row) => row.id)).toEqual(['MTR-0002', 'MTR-0001']);
    const industries = await get<Ranking>('/emissions/rankings?level=industry&period=2026-11', 'admin');
    expect(industries.items.slice(0, 2).map((row) => [row.id, row.co2eT])).toEqual([
      ['C1713', 300],
      ['C3311', 120],
    ]);
    const day = await get<Ranking>('/emissions/rankings?level=enterprise&period=2026-11-28', 'admin');
    expect(day.items.every((row) => row.co2eT === 0 && row.budget === undefined)).toBe(true);
  });

  it('gives every enterprise with its class and place in one call for the district map', async () => {
    const at = { latitude: 30.52, longitude: 114.31 };
    const patched = await t.api('/enterprises/ENT-0002', {
      method: 'PATCH',
      token: token('admin'),
      headers: { 'content-type': 'application/json', 'if-match': '1' },
      body: JSON.stringify({ location: at }),
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const map = await get<Ranking>(
      '/emissions/rankings?level=enterprise&period=2026-11&include=registry&limit=1000',
      'supervisor',
    );
    expect(map.items).toHaveLength(map.entities);
    const row = map.items.find((item) => item.id === 'ENT-0002');
    expect(row).toMatchObject({ co2eT: 300, industryCode: 'C1713', location: at, budget: { use: 1.2 } });
    // No place registered: the row says so by having none (the map lists it beside).
    const { version } = (await (await t.api('/enterprises/ENT-0001', { token: token('admin') })).json()) as {
      version: number;
    };
    const removed = await t.api('/enterprises/ENT-0001', {
      method: 'PATCH',
      token: token('admin'),
      headers: { 'content-type': 'application/json', 'if-match': String(version) },
      body: JSON.stringify({ location: null }),
    });
    expect(removed.status, await removed.clone().text()).toBe(200);
    const unplaced = await get<Ranking>(
      '/emissions/rankings?level=enterprise&period=2026-11&include=registry&limit=1000',
      'supervisor',
    );
    expect(unplaced.items.find((item) => item.id === 'ENT-0001')).toMatchObject({ industryCode: 'C3311' });
    expect(unplaced.items.find((item) => item.id === 'ENT-0001')?.location).toBeUndefined();
    // Without include, rows are as before.
    const plain = await get<Ranking>('/emissions/rankings?level=enterprise&period=2026-11', 'supervisor');
    expect(plain.items[0]?.industryCode).toBeUndefined();
  });

  it('is for staff only and needs a real period', async () => {
    await get('/emissions/rankings?level=enterprise&period=2026-11', 'deputy', 403);
    await get('/emissions/rankings?level=enterprise&period=2026-11-31', 'admin', 422);
  });
});

interface Trace {
  handle?: string;
  figure: { co2eT: number };
  factors: { ref: string; resolved: boolean; kind?: string; handle?: string; record?: { source?: string } }[];
  meters: { meterId: string; co2eT: number }[];
  batches: { meterId: string; hour: string; messageId: string; handle?: string; readingCount: number }[];
  cursor?: string;
}

describe('GET /emissions/trace', () => {
  it('traces an enterprise month to factor versions, meters and batches, page by page', async () => {
    const base = '/emissions/trace?level=enterprise&id=ENT-0001&period=2026-11&limit=1';
    const first = await get<Trace>(base, 'supervisor');
    expect(first.handle).toBe('88.118.8/enterprise.ENT-0001');
    expect(first.figure.co2eT).toBe(120);
    const grid = first.factors.find((f) => f.ref === GRID);
    expect(grid).toMatchObject({
      resolved: true,
      kind: 'factor',
      handle: '88.118.8/factor.mee-nbs_grid-average_CN-SOUTH_2022-v1',
    });
    expect(grid?.record?.source).toBeTruthy();
    expect(first.factors.find((f) => f.ref === 'AR5')).toMatchObject({ resolved: true, kind: 'gwp' });
    expect(first.factors.find((f) => f.ref === DIESEL)?.resolved).toBe(true);
    expect(first.meters.map((m) => [m.meterId, m.co2eT])).toEqual([
      ['MTR-0001', 80],
      ['MTR-0003', 40],
    ]);
    // A page ends on a meter's hour boundary: MTR-0001's two hours hold three entries.
    expect(first.batches.map((b) => `${b.meterId}/${b.hour}/${b.messageId}`)).toEqual([
      'MTR-0001/2026-11-28T09/m-1',
      'MTR-0001/2026-11-28T09/m-2',
      'MTR-0001/2026-11-28T10/m-3',
    ]);
    expect(first.batches[0]).toMatchObject({ handle: '88.118.8/batch.m-1', readingCount: 1 });
    expect(first.cursor).toBeDefined();
    const second = await get<Trace>(`${base}&cursor=${first.cursor}`, 'supervisor');
    expect(second.batches.map((b) => b.messageId)).toEqual(['d-1']);
    expect(second.cursor).toBeUndefined();
  });

  it('traces one meter hour to its own batches only', async () => {
    const trace = await get<Trace>('/emissions/trace?level=meter&id=MTR-0001&period=2026-11-28T10', 'admin');
    expect(trace.batches.map((b) => b.messageId)).toEqual(['m-3']);
    expect(trace.figure.co2eT).toBe(0.02);
  });

  it('refuses non-staff, bad cursors and mismatched granularity', async () => {
    await get('/emissions/trace?level=city&period=2026-11', 'deputy', 403);
    await get('/emissions/trace?level=city&period=2026-11&cursor=nonsense', 'admin', 400);
    await get('/emissions/trace?level=city&period=2026-11&granularity=day', 'admin', 422);
    await get('/emissions/trace?level=meter&id=MTR-9999&period=2026-11', 'admin', 404);
  });
});

interface AlertList {
  items: {
    kind: string;
    level: string;
    targetId: string;
    period: string;
    raisedAt: string;
    message: string;
  }[];
  cursor?: string;
}

describe('budget alerts', () => {
  it('raises each alert once, however often the check runs, and lists them newest first', async () => {
    const registry = new DynamoRegistryStore(t.dynamo, localTableName('registry'));
    const store = new DynamoCarbonReadStore(t.dynamo, carbon, registry);
    const at = (iso: string) => budgetCheckDeps(store, () => new Date(iso));
    // ENT-0002: 300 ≥ 250 → breach, and ≥ 0.9 × 250 = 225 → warning. ENT-0001: 120 ≥ 0.8 × 150 = 120 → warning.
    const first = await checkBudgets(at('2026-11-28T02:00:00.000Z'), {
      enterpriseId: 'ENT-0002',
      industryCode: 'C1713',
      periods: ['2026-11-28T09'],
    });
    expect(first.map((a) => a.kind).sort()).toEqual(['budgetBreach', 'budgetWarning']);
    for (let i = 0; i < 3; i += 1) {
      const again = await checkBudgets(at('2026-11-28T02:05:00.000Z'), {
        enterpriseId: 'ENT-0002',
        industryCode: 'C1713',
        periods: ['2026-11-28'],
      });
      expect(again).toEqual([]);
    }
    const second = await checkBudgets(at('2026-11-28T03:00:00.000Z'), {
      enterpriseId: 'ENT-0001',
      industryCode: 'C3311',
      periods: ['2026-11'],
    });
    expect(second.map((a) => `${a.targetId}:${a.kind}`)).toEqual(['ENT-0001:budgetWarning']);

    const list = await get<AlertList>('/alerts', 'supervisor');
    expect(list.items).toHaveLength(3);
    expect(list.items[0]).toMatchObject({
      targetId: 'ENT-0001',
      kind: 'budgetWarning',
      raisedAt: '2026-11-28T03:00:00.000Z',
    });
    expect(list.items[0]?.message).toContain('预警');
    const breaches = await get<AlertList>('/alerts?kind=budgetBreach&level=enterprise&id=ENT-0002', 'admin');
    expect(breaches.items.map((a) => [a.targetId, a.period])).toEqual([['ENT-0002', '2026-11']]);
    const recent = await get<AlertList>(
      `/alerts?from=${encodeURIComponent('2026-11-28T10:30:00+08:00')}`,
      'admin',
    );
    expect(recent.items.map((a) => a.targetId)).toEqual(['ENT-0001']);
    const page = await get<AlertList>('/alerts?limit=2', 'admin');
    expect(page.items).toHaveLength(2);
    const rest = await get<AlertList>(`/alerts?limit=2&cursor=${page.cursor}`, 'admin');
    expect(rest.items).toHaveLength(1);
    await get('/alerts', 'head', 403);
  });
});
