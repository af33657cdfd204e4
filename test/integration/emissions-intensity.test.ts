import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

/**
 * Intensity rankings (tCO2e per 万元) over HTTP: admins enter yearly figures on the enterprise (PATCH,
 * versioned and audited), staff rank enterprises by emissions over value added — or output value when
 * a year has none. Month rollups are written straight into the carbon table as the ingest leaves them,
 * so each expected intensity below is a hand division of what is written here.
 */
let t: TestStack;
const token = (role: Role) => t.stack.users[role].token;

interface Problem {
  errors?: { path: string; message: string }[];
}
interface Row {
  rank: number;
  id: string;
  co2eT: number;
  intensity?: { tCO2ePer10kYuan: number; basis: string; year: string; denominator10kYuan: number };
}
interface Ranking {
  granularity: string;
  metric: string;
  entities: number;
  withoutEconomics?: number;
  units: { intensity?: string };
  items: Row[];
}

const patchEnterprise = async (id: string, body: object) => {
  const current = (await (await t.api(`/enterprises/${id}`, { token: token('admin') })).json()) as {
    version: number;
  };
  return t.api(`/enterprises/${id}`, {
    method: 'PATCH',
    token: token('admin'),
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ version: current.version, ...body }),
  });
};

const rankings = async (query: string, role: Role = 'supervisor', status = 200) => {
  const response = await t.api(`/emissions/rankings?${query}`, { token: token(role) });
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as Ranking & Problem;
};

const putMonth = (id: string, month: string, co2eT: number) =>
  t.dynamo.send(
    new PutCommand({
      TableName: localTableName('carbon'),
      Item: { pk: rollupPk('enterprise', id, 'month'), sk: month, co2eT, co2eMarketT: co2eT, readings: 10 },
    }),
  );

beforeAll(async () => {
  t = await startTestStack();
  await putMonth('ENT-0001', '2026-10', 60);
  await putMonth('ENT-0001', '2026-11', 120);
  await putMonth('ENT-0002', '2026-11', 300);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('yearly economic figures on the enterprise', () => {
  it('refuses a malformed year, a figure that is not positive and an empty year, in zh-CN', async () => {
    const cases: [object, string, string][] = [
      [{ '26': { valueAdded: 100 } }, '/body/economics/26', '年份须为四位数字'],
      [{ '2026': { valueAdded: -5 } }, '/body/economics/2026/valueAdded', '须为正数'],
      [{ '2026': { outputValue: 0 } }, '/body/economics/2026/outputValue', '须为正数'],
      [{ '2026': {} }, '/body/economics/2026', '至少填写'],
    ];
    for (const [economics, path, words] of cases) {
      const response = await patchEnterprise('ENT-0003', { economics });
      expect(response.status, JSON.stringify(economics)).toBe(400);
      const errors = ((await response.json()) as Problem).errors ?? [];
      expect(errors.map((error) => error.path)).toEqual([path]);
      expect(errors[0]?.message).toContain(words);
    }
  });

  it('stores the figures as a new version with an audit entry; the same figures again change nothing', async () => {
    const economics = { '2026': { valueAdded: 1200, outputValue: 4000 }, '2025': { outputValue: 3500 } };
    const first = await patchEnterprise('ENT-0001', { economics });
    expect(first.status, await first.clone().text()).toBe(200);
    const saved = (await first.json()) as { version: number; economics: unknown };
    expect(saved.economics).toEqual(economics);
    const again = (await (await patchEnterprise('ENT-0001', { economics })).json()) as { version: number };
    expect(again.version).toBe(saved.version);
    const audit = (await (await t.api('/enterprises/ENT-0001/audit', { token: token('admin') })).json()) as {
      items: { action: string; version: number; changes: { field: string; after?: unknown }[] }[];
    };
    const last = audit.items.at(-1);
    expect(last).toMatchObject({ action: 'enterprise.updated', version: saved.version });
    expect(last?.changes).toEqual([{ field: 'economics', after: economics }]);
    // Supervisors read the registry too, figures included; they may not write them.
    const read = await t.api('/enterprises/ENT-0001', { token: token('supervisor') });
    expect(((await read.json()) as { economics: unknown }).economics).toEqual(economics);
    const refused = await t.api('/enterprises/ENT-0001', {
      method: 'PATCH',
      token: token('supervisor'),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: saved.version, economics: null }),
    });
    expect(refused.status).toBe(403);
  });
});

describe('GET /emissions/rankings?metric=intensity', () => {
  beforeAll(async () => {
    // ENT-0001 has value added for 2026 (set above); ENT-0002 only an output value.
    const response = await patchEnterprise('ENT-0002', { economics: { '2026': { outputValue: 6000 } } });
    expect(response.status, await response.clone().text()).toBe(200);
  });

  it('ranks a month over a twelfth of the year figure, value added first, and counts those without', async () => {
    const enterprises = (await (await t.api('/enterprises?limit=100', { token: token('admin') })).json()) as {
      items: unknown[];
    };
    const month = await rankings('level=enterprise&period=2026-11&metric=intensity');
    expect(month).toMatchObject({ granularity: 'month', metric: 'intensity', entities: 2 });
    expect(month.units.intensity).toBe('tCO2e/万元');
    expect(month.withoutEconomics).toBe(enterprises.items.length - 2);
    // ENT-0001: 120 t / (1200 / 12) = 1.2; ENT-0002: 300 t / (6000 / 12) = 0.6
    expect(month.items.map((row) => [row.rank, row.id, row.co2eT, row.intensity])).toEqual([
      [
        1,
        'ENT-0001',
        120,
        { tCO2ePer10kYuan: 1.2, basis: 'valueAdded', year: '2026', denominator10kYuan: 100 },
      ],
      [
        2,
        'ENT-0002',
        300,
        { tCO2ePer10kYuan: 0.6, basis: 'outputValue', year: '2026', denominator10kYuan: 500 },
      ],
    ]);
  });

  it('ranks a year over the sum of its months and the whole year figure', async () => {
    const year = await rankings('level=enterprise&period=2026&metric=intensity&limit=1');
    expect(year.granularity).toBe('year');
    // ENT-0001: (60 + 120) t / 1200 = 0.15 ranks above ENT-0002: 300 t / 6000 = 0.05; limit 1 shows one
    expect(year.entities).toBe(2);
    expect(year.items.map((row) => [row.id, row.co2eT, row.intensity?.tCO2ePer10kYuan])).toEqual([
      ['ENT-0001', 180, 0.15],
    ]);
    // 2025 has ENT-0001's output value only, and no emissions: it ranks at zero; 2024 ranks nobody.
    const earlier = await rankings('level=enterprise&period=2025-06&metric=intensity');
    expect(
      earlier.items.map((row) => [row.id, row.intensity?.basis, row.intensity?.tCO2ePer10kYuan]),
    ).toEqual([['ENT-0001', 'outputValue', 0]]);
    expect((await rankings('level=enterprise&period=2024&metric=intensity')).items).toEqual([]);
  });

  it('is for staff only, for enterprises, over a month or a year', async () => {
    await rankings('level=enterprise&period=2026-11&metric=intensity', 'deputy', 403);
    const industry = await rankings('level=industry&period=2026-11&metric=intensity', 'admin', 422);
    expect(industry.errors?.[0]?.path).toBe('/query/level');
    const day = await rankings('level=enterprise&period=2026-11-28&metric=intensity', 'admin', 422);
    expect(day.errors?.[0]?.path).toBe('/query/period');
    expect(day.errors?.[0]?.message).toMatch(/^排放强度的统计周期须为月或年/);
    // Other metrics keep to hours, days and months.
    await rankings('level=enterprise&period=2026&metric=co2e', 'admin', 422);
  });
});
