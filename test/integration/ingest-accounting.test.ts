import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { PROJECT_ROOT, startTestStack, type TestStack } from '../support/local-stack.ts';
import { emissionsOf, publishAs, quarantinedOn } from '../support/telemetry-client.ts';
import { expectSigFigs } from '../unit/carbon/accounting/sig-figs.ts';

/**
 * The ingest on the standard accounting (issue 13, phase 2), end to end over MQTT and read back
 * through `/emissions` and `/emissions/trace`. Every expected figure is computed by hand below from
 * the published table values, to 4 significant figures.
 */
let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.close();
});

interface TraceBody {
  batches: { messageId: string; gwpSet?: string; method?: string; factorRefs: string[] }[];
}

const trace = async (query: string): Promise<TraceBody> => {
  const response = await t.api(`/emissions/trace?${query}`, { token: t.stack.users.supervisor.token });
  expect(response.status).toBe(200);
  return (await response.json()) as TraceBody;
};

describe('the official figure is GB/T: combustion counts CO2 only', () => {
  it('raw coal: 10 t × 20.908 GJ/t × 26.37 tC/TJ × 0.94 × 44/12 = 19.00 tCO2, no CH4 or N2O', async () => {
    // Act: MTR-0007 (raw coal, t, ENT-0003) burns 10 t in the local hour 2026-03-02T10
    await publishAs(t, 'MTR-0007', [
      { messageId: 'gbt-coal-1', readings: [{ ts: '2026-03-02T02:00:00Z', quantity: 10 }] },
    ]);

    // Assess: 0.20908 TJ × 26.37 = 5.51344 tC; × 0.94 = 5.18263 tC; × 44/12 = 19.0030 t
    const hour = await emissionsOf(t, 'supervisor', {
      level: 'meter',
      id: 'MTR-0007',
      period: '2026-03-02T10',
      granularity: 'hour',
    });
    expectSigFigs(hour.totals.co2eT, 19.003);
    expectSigFigs(hour.totals.gases.CO2 ?? 0, 19.003);
    expect(hour.totals.gases.CH4 ?? 0).toBe(0);
    expect(hour.totals.gases.N2O ?? 0).toBe(0);
  });

  it('names the method and the deployment’s GWP set (AR5 by default, not a hard-coded AR6)', async () => {
    const body = await trace('level=meter&id=MTR-0007&period=2026-03-02T10');

    const entry = body.batches.find((b) => b.messageId === 'gbt-coal-1');
    expect(entry).toMatchObject({ gwpSet: 'AR5', method: 'gbt-32150' });
  });
});

describe('a meter stored with a grid region outside the closed list', () => {
  it('has its readings quarantined with a zh-CN reason naming the meter and the fix, not priced elsewhere', async () => {
    // Prepare: MTR-0008 as a registry written before the list was closed left it (a typo of CN-SOUTH)
    await t.dynamo.send(
      new UpdateCommand({
        TableName: localTableName('registry'),
        Key: { pk: 'METER#MTR-0008', sk: 'PROFILE' },
        UpdateExpression: 'SET gridRegion = :typo',
        ExpressionAttributeValues: { ':typo': 'CN-SOUHT' },
      }),
    );

    // Act
    await publishAs(t, 'MTR-0008', [
      { messageId: 'souht-1', readings: [{ ts: '2026-03-03T02:00:00Z', quantity: 1 }] },
    ]);

    // Assess: one entry, nothing accounted
    const entries = (await quarantinedOn(t, new Date().toISOString().slice(0, 10))).filter(
      (e) => e.messageId === 'souht-1',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.reason).toBe('unknown grid region');
    expect(entries[0]?.issues[0]?.message).toMatch(
      /^计量器具 MTR-0008 登记的电网区域 CN-SOUHT 不在电网区域清单内/,
    );
    expect(entries[0]?.issues[0]?.message).toContain('PATCH /meters/MTR-0008');
    const hour = await emissionsOf(t, 'supervisor', {
      level: 'meter',
      id: 'MTR-0008',
      period: '2026-03-03T10',
      granularity: 'hour',
    });
    expect(hour.totals.readings).toBe(0);
  });

  it('is named by the one-off check (npm run check:grid-regions), with the likely code', async () => {
    const run = promisify(execFile);
    const failed = await run(
      'npx',
      ['tsx', 'infra/tools/check-grid-regions.ts', '--dynamodb', t.stack.urls.dynamodb],
      {
        cwd: PROJECT_ROOT,
      },
    ).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );

    expect(failed?.code).toBe(1);
    expect(JSON.parse(failed?.stdout ?? '[]')).toEqual([
      expect.objectContaining({ meterId: 'MTR-0008', gridRegion: 'CN-SOUHT', suggestion: 'CN-SOUTH' }),
    ]);
  });
});
