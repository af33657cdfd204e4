import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { emissionsOf, publishAs } from '../support/telemetry-client.ts';
import { expectSigFigs } from '../unit/carbon/sig-figs.ts';

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
