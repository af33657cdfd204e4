import { describe, expect, it } from 'vitest';
import { rollupItemKey } from '../../../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { calculateEmissions } from '../../../../shared/domain/carbon/accounting/account.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import { getGwpSet } from '../../../../shared/domain/carbon/accounting/gwp.ts';
import {
  type ChunkPlan,
  chunkReadings,
  planChunk,
} from '../../../../shared/domain/carbon/ingest/ingest-plan.ts';
import { MASS_SCALE, toFixed } from '../../../../shared/domain/carbon/rollups/fixed-point.ts';
import { activityOf } from '../../../../shared/domain/carbon/rollups/meter-accounting.ts';
import {
  asLogged,
  recomputeHour,
  type StoredMeterHour,
} from '../../../../shared/domain/carbon/rollups/recompute-hour.ts';
import { explainEntry } from '../../../../shared/domain/carbon/rollups/trace-explain.ts';
import { accountingFor } from '../../../support/accounting.ts';
import { SOUTH_2023, southCorrected } from '../../../support/corrected-library.ts';

const library = loadFactorLibrary();
const TZ = 'Asia/Shanghai';
const HOUR = '2026-11-28T08';
const power = {
  id: 'MTR-E',
  enterpriseId: 'ENT-1',
  industryCode: 'C3311',
  energyType: 'electricity' as const,
  unit: 'kWh',
  readingKind: 'interval' as const,
  scope: 2 as const,
  gridRegion: 'CN-SOUTH',
  greenPower: false,
  expectedIntervalSeconds: 900,
};

/** Three readings of 1 000 kWh in the local hour 08, as the ingest plans and stores them. */
const planned = (): ChunkPlan => {
  const readings = [0, 15, 30].map((m) => ({
    ts: `2026-11-28T00:${String(m).padStart(2, '0')}:00Z`,
    quantity: 1000,
  }));
  const [chunk] = chunkReadings(readings, 'interval', TZ);
  if (!chunk) throw new Error('no chunk');
  const batch = {
    meterId: power.id,
    messageId: 'm-1',
    clientId: power.id,
    receivedAt: '2026-11-28T00:31:00Z',
    readings,
  };
  const decision = planChunk(
    {
      meter: power,
      batch,
      batchHandle: '88.118.8/batch.x',
      library,
      accounting: accountingFor(power),
      timeZone: TZ,
    },
    chunk,
    { hours: [], read: false },
  );
  if (decision.kind !== 'apply') throw new Error(decision.kind);
  return decision;
};

/** The meter-hour item the ingest leaves: its figures, one message, its batch-log entry. */
const storedHour = (plan: ChunkPlan): StoredMeterHour => {
  const own = plan.rollups.find((r) => rollupItemKey(r.key).pk === 'ROLLUP#meter#MTR-E#hour');
  const entry = plan.meterHours[0]?.logEntry;
  if (!own || !entry) throw new Error('no meter hour');
  return {
    hour: HOUR,
    item: { ...own.figures, factorRefs: new Set(plan.factorRefs) },
    entries: [{ ...entry, hour: HOUR }],
  };
};

const recompute = (hour: StoredMeterHour, over: Partial<Parameters<typeof recomputeHour>[0]> = {}) =>
  recomputeHour({
    recalcId: 'r-1',
    hour,
    meter: power,
    library: southCorrected(),
    accountingOf: asLogged,
    firstOpenHour: '2026-12-01T00',
    ...over,
  });

describe('recomputing a meter-hour from its batch log', () => {
  it('after a correction of the grid factor: 3 MWh × (0.4100 − 0.4042) = +0.0174 t, naming the new version', () => {
    const outcome = recompute(storedHour(planned()));

    if (outcome.kind !== 'recomputed') throw new Error(outcome.kind);
    expect(outcome.changed).toBe(true);
    // location-based only: the market figure (residual mix) and tce do not depend on the grid average
    expect(outcome.difference).toEqual({
      co2e_mg: 17_400_000,
      scope2Location_mg: 17_400_000,
      e_electricity_mg: 17_400_000,
      g_CO2_mg: 17_400_000,
    });
    expect(outcome.after.co2e_mg).toBe(1_230_000_000); // 3 × 0.41 t
    expect(outcome.factorRefs).toContainEqual(expect.stringMatching(new RegExp(`^${SOUTH_2023}@2#sha256:`)));
    expect(outcome.previousRefs).toContainEqual(
      expect.stringMatching(new RegExp(`^${SOUTH_2023}@1#sha256:`)),
    );
  });

  it('without a correction there is nothing to change', () => {
    const outcome = recompute(storedHour(planned()), { library });
    expect(outcome).toMatchObject({ kind: 'recomputed', changed: false, difference: {} });
  });

  it('leaves the current hour to the ingest, items of doubles alone, and an incomplete log untouched', () => {
    const hour = storedHour(planned());
    expect(recompute(hour, { firstOpenHour: HOUR })).toEqual({ kind: 'skipped', reason: 'current-hour' });
    expect(recompute({ ...hour, item: { ...hour.item, co2eT: 1.2 } })).toEqual({
      kind: 'skipped',
      reason: 'legacy-item',
    });
    expect(recompute({ ...hour, item: { ...hour.item, batches: 2 } })).toMatchObject({
      kind: 'skipped',
      reason: 'not-replayable',
    });
  });

  it('is done once: an hour already holding this recalculation’s line reports it, and is not recomputed', () => {
    const hour = storedHour(planned());
    const log = {
      id: 'r-1',
      at: '',
      accounting: 'as-logged' as const,
      before: {},
      after: {},
      factorRefs: [],
      previousRefs: [],
    };
    expect(recompute({ ...hour, item: { ...hour.item, recalcLog: [log] } })).toEqual({
      kind: 'applied',
      log,
    });
  });
});

describe('explaining a batch-log entry', () => {
  it('replays it with the versions it names: reasons, steps and numbers, and the stored figure back', () => {
    const entry = { ...(planned().meterHours[0]?.logEntry as object), hour: HOUR } as Parameters<
      typeof explainEntry
    >[0];

    // Explained with the corrected library present: the entry still replays at v1 (0.4042)
    const explained = explainEntry(entry, southCorrected(), power);

    if (!explained.replayed) throw new Error(explained.problem);
    expect(explained.method).toBe('gbt-32150');
    expect(explained.gwpSet).toMatchObject({ id: 'AR5', values: { CO2: 1, 'CH4-fossil': 28, N2O: 265 } });
    expect(explained.programmes.location?.id).toBe('mee-nbs-regional');
    const grid = explained.factors.find((f) => f.role === 'grid');
    expect(grid).toMatchObject({ reason: 'earlier-year', record: { value: 0.4042, version: 1 } });
    expect(grid?.reasonText).toContain('采用此前最近的 2023 年');
    expect(explained.parts).toHaveLength(3);
    const [part] = explained.parts;
    expect(part).toMatchObject({
      quantity: 1000,
      unit: 'kWh',
      co2eT: 0.4042,
      tce: 0.1229,
      matchesStored: true,
    });
    expect(part?.location.steps).toContainEqual({
      label: 'emission factor (mee-nbs-regional)',
      value: 0.4042,
      unit: 'tCO2/MWh',
    });
    expect(part?.market?.co2eT).toBe(0.6096);
  });

  it('explains an entry written before methods were named, by the IPCC method it was computed with', () => {
    const gas = { energyType: 'natural-gas' as const, unit: 'Nm3', greenPower: false };
    const old = calculateEmissions(activityOf(gas, 1000, { year: 2026, date: '2026-11-28' }), library, {
      gwpSet: getGwpSet('AR6'),
    });
    const entry = {
      hour: HOUR,
      factorRefs: old.factors.map((f) => `${f.factorId}@${f.factorVersion}`),
      gwpSet: 'AR6',
      deltas: [
        {
          ts: '2026-11-28T00:00:00Z',
          quantity: 1000,
          co2eT: toFixed(old.co2eTonnes, MASS_SCALE) / MASS_SCALE,
          sign: 1,
        },
      ],
    };

    const explained = explainEntry(entry, library, gas);

    if (!explained.replayed) throw new Error(explained.problem);
    expect(explained.method).toBe('ipcc-2006');
    expect(explained.parts[0]?.matchesStored).toBe(true);
    expect(explained.factors.map((f) => f.role).sort()).toEqual(['co2', 'non-co2']);
  });

  it('refuses to explain with a record whose hash differs from the one the entry names', () => {
    const entry = { ...(planned().meterHours[0]?.logEntry as object), hour: HOUR } as Parameters<
      typeof explainEntry
    >[0];
    const tampered = {
      ...entry,
      factorRefs: entry.factorRefs.map((r) => r.replace(/#sha256:[0-9a-f]{4}/, '#sha256:0000')),
    };
    expect(explainEntry(tampered, library, power)).toMatchObject({
      replayed: false,
      problem: expect.stringMatching(/does not match/),
    });
  });
});
