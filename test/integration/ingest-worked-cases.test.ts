import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../shared/config/env.ts';
import { localPeriodsOf } from '../../shared/domain/carbon/rollups/rollup-model.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { emissionsOf } from '../support/telemetry-client.ts';
import { fuelCases, fuelMeters } from '../support/worked-case-fuels.ts';
import { otherCases, otherMeters } from '../support/worked-case-others.ts';
import { type Case, chooseProgramme, publishReadings, registerMeter } from '../support/worked-cases.ts';
import { expectSigFigs } from '../unit/carbon/accounting/sig-figs.ts';

/**
 * Worked cases end to end (issue 13): meters registered through the API, readings over MQTT, figures
 * read back through `GET /emissions` — every fuel of the GB/T 32150 table, every grid programme, every
 * GWP set, the measured-parameter cases and the unit conversions. The expected figures are computed
 * by hand from the published values written into the tables (test/support/worked-case-fuels.ts and
 * worked-case-others.ts), never by calling the engine, and compared to 4 significant figures.
 * One stack, one meter per line of the registry, one hour per case.
 */
let t: TestStack;
const passwords = new Map<string, string>();

const CASES: Case[] = [...fuelCases, ...otherCases];
const FIRST_HOUR = Date.parse('2026-07-11T00:00:00Z');
const tsOf = (c: Case, i: number) => c.ts ?? new Date(FIRST_HOUR + i * 3_600_000).toISOString();
const hourOf = (c: Case, i: number) => localPeriodsOf(new Date(tsOf(c, i))).hour;

/** Runs with the deployment's settings changed as a case asks, then puts back what was there. */
const withEnv = async (env: Case['env'], run: () => Promise<void>) => {
  const names = {
    accountingMethod: ENV.accountingMethod,
    gwpSet: ENV.gwpSet,
    factorProgramme: ENV.factorProgramme,
  };
  const changed = Object.entries(env ?? {}).map(([key, value]) => {
    const name = names[key as keyof typeof names];
    const before = process.env[name];
    process.env[name] = value;
    return [name, before] as const;
  });
  try {
    await run();
  } finally {
    for (const [name, before] of changed) {
      if (before === undefined) delete process.env[name];
      else process.env[name] = before;
    }
  }
};

beforeAll(async () => {
  t = await startTestStack();
  await Promise.all([
    chooseProgramme(t, 'ENT-0002', 'mee-nbs-national'),
    chooseProgramme(t, 'ENT-0003', 'mee-ets-power'),
    chooseProgramme(t, 'ENT-0004', 'mee-nbs-residual-mix'),
  ]);
  // One at a time: the local broker's devices.json is rewritten whole for each credential issued.
  for (const spec of [...fuelMeters, ...otherMeters]) passwords.set(spec.id, await registerMeter(t, spec));
  // Cases under the deployment's defaults together; each configuration change on its own.
  const reading = (c: Case, i: number) => ({
    meterId: c.meter,
    messageId: `wc-${i}`,
    ts: tsOf(c, i),
    quantity: c.quantity,
  });
  await publishReadings(
    t,
    passwords,
    CASES.flatMap((c, i) => (c.env ? [] : [reading(c, i)])),
  );
  for (const [i, c] of CASES.entries())
    if (c.env) await withEnv(c.env, () => publishReadings(t, passwords, [reading(c, i)]));
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('worked cases through MQTT and GET /emissions (4 significant figures)', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const hour = await emissionsOf(t, 'supervisor', {
      level: 'meter',
      id: c.meter,
      period: hourOf(c, i),
      granularity: 'hour',
    });
    const { totals } = hour;
    const { expected } = c;

    expect(totals.readings).toBe(1);
    expectSigFigs(totals.co2eT, expected.co2eT);
    expectSigFigs(totals.tce, expected.tce);
    if (expected.co2eMarketT !== undefined) expectSigFigs(totals.co2eMarketT, expected.co2eMarketT);
    if (expected.ch4 !== undefined) expectSigFigs(totals.gases.CH4 ?? 0, expected.ch4);
    if (expected.quantity) {
      const [value, unit] = expected.quantity;
      const found = Object.values(totals.quantities)[0];
      expect(found?.unit).toBe(unit);
      expectSigFigs(found?.value ?? 0, value);
    }
  });
});

describe('each figure names how it was made', () => {
  const programmeOf = async (meter: string, name: string) => {
    const i = CASES.findIndex((c) => c.meter === meter && c.name.startsWith(name));
    const response = await t.api(
      `/emissions/trace?level=meter&id=${meter}&period=${hourOf(CASES[i] as Case, i)}`,
      {
        token: t.stack.users.supervisor.token,
      },
    );
    const body = (await response.json()) as {
      batches: {
        method: string;
        programme?: string;
        marketProgramme?: string;
        gwpSet: string;
        explanation: { replayed: boolean };
      }[];
    };
    return body.batches[0];
  };

  it('names the enterprise’s programme, the deployment’s, and the method and GWP set in force', async () => {
    expect(await programmeOf('WC-E-ETS', 'ETS')).toMatchObject({
      method: 'gbt-32150',
      programme: 'mee-ets-power',
      gwpSet: 'AR5',
    });
    // A residual-mix choice prices the market figure; the location figure stays on the regional grid
    expect(await programmeOf('WC-E-RES', 'residual')).toMatchObject({
      programme: 'mee-nbs-regional',
      marketProgramme: 'mee-nbs-residual-mix',
    });
    expect(await programmeOf('WC-E-REG', 'provincial')).toMatchObject({ programme: 'mee-nbs-provincial' });
    expect(await programmeOf('WC-GAS-IPCC', 'IPCC method, AR2')).toMatchObject({
      method: 'ipcc-2006',
      gwpSet: 'AR2',
    });
    expect((await programmeOf('WC-GAS-IPCC', 'IPCC method, AR4'))?.explanation.replayed).toBe(true);
  });
});
