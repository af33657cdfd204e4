import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { type EmissionsBody, emissionsOf, publishAs } from '../support/telemetry-client.ts';

/**
 * Issue 13: the city breakdown must not let those who may not read enterprise data (deputies,
 * handlers, heads) read one enterprise's figures through a cell only it fills. For them a cell of
 * fewer than 3 enterprises is merged into 其他 (`other`) — and more cells with it until `other`
 * itself holds 3, so no cell can be found by subtraction. Staff see every cell.
 */
let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
  // MTR-0005 is contracted green power (market-based scope 2 of zero): as ordinary supply, all three
  // electricity meters fill every scope cell.
  const admin = t.stack.users.admin.token;
  const meter = (await (await t.api('/meters/MTR-0005', { token: admin })).json()) as { version: number };
  const patched = await t.api('/meters/MTR-0005', {
    method: 'PATCH',
    token: admin,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ version: meter.version, greenPower: false }),
  });
  if (patched.status !== 200) throw new Error(`PATCH MTR-0005: ${patched.status} ${await patched.text()}`);
});
afterAll(async () => {
  await t?.close();
});

const one = (messageId: string, ts: string, quantity: number) => ({
  messageId,
  readings: [{ ts, quantity }],
});
const registers = (messageId: string, ts: [string, string], values: [number, number]) => ({
  messageId,
  readings: [
    { ts: ts[0], register: values[0] },
    { ts: ts[1], register: values[1] },
  ],
});
const sumOf = (record: Record<string, number>, keys: string[]) =>
  keys.reduce((sum, key) => sum + (record[key] ?? 0), 0);
const cityHour = (role: 'deputy' | 'supervisor', hour: string) =>
  emissionsOf(t, role, { level: 'city', period: hour, granularity: 'hour' });

/** Electricity at ENT-0001, ENT-0002 and ENT-0003 (MTR-0001, -0005, -0008) in one local hour. */
const electricityAtThree = async (tag: string, utcHour: string) => {
  await publishAs(t, 'MTR-0001', [one(`${tag}-e1`, `${utcHour}:00:00Z`, 800)]);
  await publishAs(t, 'MTR-0005', [one(`${tag}-e2`, `${utcHour}:05:00Z`, 400)]);
  await publishAs(t, 'MTR-0008', [one(`${tag}-e3`, `${utcHour}:10:00Z`, 2)]);
};

describe('a city breakdown for those who may not read enterprise data', () => {
  it('merges the energy types of fewer than 3 enterprises into other; staff see each type', async () => {
    // Prepare, local hour 2026-08-03T10: gas at ENT-0001 and ENT-0002, diesel at ENT-0001 only,
    // coal at ENT-0003 only — together three enterprises
    await electricityAtThree('mc1', '2026-08-03T02');
    await publishAs(t, 'MTR-0004', [
      registers('mc1-g1', ['2026-08-03T02:00:00Z', '2026-08-03T02:30:00Z'], [100, 130]),
    ]);
    await publishAs(t, 'MTR-0002', [
      registers('mc1-g2', ['2026-08-03T02:00:00Z', '2026-08-03T02:30:00Z'], [500, 560]),
    ]);
    await publishAs(t, 'MTR-0003', [one('mc1-d', '2026-08-03T02:20:00Z', 40)]);
    await publishAs(t, 'MTR-0007', [one('mc1-c', '2026-08-03T02:40:00Z', 2)]);

    // Act
    const staff = await cityHour('supervisor', '2026-08-03T10');
    const deputy = await cityHour('deputy', '2026-08-03T10');

    // Assess: staff see four types; the deputy electricity and the rest as one cell
    expect(Object.keys(staff.totals.energyTypes).sort()).toEqual([
      'diesel',
      'electricity',
      'natural-gas',
      'raw-coal',
    ]);
    expect(Object.keys(deputy.totals.energyTypes).sort()).toEqual(['electricity', 'other']);
    expect(deputy.totals.energyTypes.electricity).toBe(staff.totals.energyTypes.electricity);
    expect(deputy.totals.energyTypes.other).toBeCloseTo(
      sumOf(staff.totals.energyTypes, ['diesel', 'natural-gas', 'raw-coal']),
      9,
    );
    expect(Object.keys(deputy.totals.quantities)).toEqual(['electricity']);
    expect(deputy.breakdowns.byEnergyType.map((row) => row.energyType).sort()).toEqual([
      'electricity',
      'other',
    ]);
    expect(deputy.series[0]?.energyTypes).toEqual(deputy.totals.energyTypes);
    // Scopes and gases each have three enterprises here: shown as they are
    expect(deputy.totals.scope1T).toBe(staff.totals.scope1T);
    expect(deputy.totals.co2eT).toBe(staff.totals.co2eT);
  });

  it('merges more cells into other until other holds 3 enterprises, and withholds a scope split of one', async () => {
    // Prepare, local hour 2026-08-04T10: electricity at three enterprises, diesel at ENT-0001 only
    await electricityAtThree('mc2', '2026-08-04T02');
    await publishAs(t, 'MTR-0003', [one('mc2-d', '2026-08-04T02:20:00Z', 40)]);

    // Act
    const staff: EmissionsBody = await cityHour('supervisor', '2026-08-04T10');
    const deputy: EmissionsBody = await cityHour('deputy', '2026-08-04T10');

    // Assess: diesel alone would be found as total − electricity, so electricity joins other
    expect(Object.keys(staff.totals.energyTypes).sort()).toEqual(['diesel', 'electricity']);
    expect(deputy.totals.energyTypes).toEqual({ other: staff.totals.co2eT });
    // Scope 1 is ENT-0001's diesel: scope 1 and location-based scope 2 are withheld together
    expect(deputy.totals.scope1T).toBeUndefined();
    expect(deputy.totals.scope2LocationT).toBeUndefined();
    expect(deputy.breakdowns.byScope.map((row) => row.scope)).not.toContain('scope1');
    // GB/T 32150 counts CO2 alone from combustion: the one gas cell holds all three enterprises, shown
    expect(Object.keys(deputy.totals.gases)).toEqual(['CO2']);
    expect(deputy.totals.co2eT).toBe(staff.totals.co2eT);
    expect(staff.totals.scope1T).toBeGreaterThan(0);
  });
});
