/**
 * The cost of fixed point (issue 13), measured in the ingest bench's run: the same readings through
 * the ingest's summing stage twice — as raw doubles (what the ingest did before: the engine's
 * tonnes and the meter's quantity added with `+` onto the 12 rollup keys) and in fixed point (what
 * it does now: `readingEmissions` rounds every figure to integer milligrams and millionths of the
 * canonical unit, `aggregate` adds exactly). Both run the same accounting engine, so the difference
 * is the encoding and the exact sum. The raw path no longer exists in the ingest, so it is rebuilt
 * here from the engine's public API; the end-to-end readings/s of the ingest (fixed point only) is
 * printed beside it to show what share of a reading's cost the encoding is.
 */
import { calculateEmissions } from '../../shared/domain/carbon/accounting/account.ts';
import { loadFactorLibrary } from '../../shared/domain/carbon/accounting/factors.ts';
import { getGwpSet } from '../../shared/domain/carbon/accounting/gwp.ts';
import {
  activityOf,
  type ReadingMeter,
  readingEmissions,
} from '../../shared/domain/carbon/rollups/reading-emissions.ts';
import {
  aggregate,
  localPeriodsOf,
  rollupKeyId,
  rollupKeysFor,
} from '../../shared/domain/carbon/rollups/rollup-model.ts';
import { accountingFor, ON_2026_06_01 } from '../support/accounting.ts';
import { printTable } from './format.ts';

const READINGS = Number(process.env.BENCH_FIXED_POINT_READINGS ?? 24_000);
const PER_MESSAGE = 12;
const ROUNDS = 3;
const library = loadFactorLibrary();
const gwpSet = getGwpSet('AR6');
const accounting = accountingFor({ energyType: 'electricity' }, { method: 'ipcc-2006', gwpSet: 'AR6' });
const meter: ReadingMeter = {
  id: 'MTR-FP',
  enterpriseId: 'ENT-FP',
  industryCode: 'C3311',
  energyType: 'electricity',
  unit: 'kWh',
  scope: 2,
  gridRegion: 'CN-SOUTH',
  greenPower: false,
};
const START = Date.parse('2026-06-01T00:00:00Z');
const quantityOf = (i: number) => [4999, 0.1, 1 / 3, 12.5, 1.2345678901234566e-18, 5][i % 6] ?? 1;

/** The old summing stage: the engine's doubles added with `+` onto each key of each message. */
const rawDoubles = (): number => {
  let checksum = 0;
  for (let first = 0; first < READINGS; first += PER_MESSAGE) {
    const sums = new Map<string, Record<string, number>>();
    for (let k = 0; k < PER_MESSAGE; k += 1) {
      const quantity = quantityOf(first + k);
      const activity = activityOf(meter, quantity, ON_2026_06_01);
      const location = calculateEmissions(activity, library, { gwpSet, scope2Method: 'location-based' });
      const market = calculateEmissions(activity, library, { gwpSet, scope2Method: 'market-based' });
      const figures: Record<string, number> = {
        co2eT: location.co2eTonnes,
        co2eMarketT: market.co2eTonnes,
        scope1T: 0,
        scope2LocationT: location.co2eTonnes,
        scope2MarketT: market.co2eTonnes,
        e_electricityT: location.co2eTonnes,
        q_electricity: quantity,
      };
      for (const [gas, tonnes] of Object.entries(location.gases)) figures[`g_${gas}T`] = tonnes;
      for (const key of rollupKeysFor(meter, localPeriodsOf(new Date(START + (first + k) * 300_000)))) {
        const sum = sums.get(rollupKeyId(key)) ?? {};
        for (const [name, value] of Object.entries(figures)) sum[name] = (sum[name] ?? 0) + value;
        sums.set(rollupKeyId(key), sum);
      }
    }
    checksum += sums.size;
  }
  return checksum;
};

/** Today's summing stage: figures rounded per reading to integers, summed exactly per key. */
const fixedPoint = (): number => {
  let checksum = 0;
  for (let first = 0; first < READINGS; first += PER_MESSAGE) {
    const contributions = Array.from({ length: PER_MESSAGE }, (_, k) => {
      const { figures } = readingEmissions(meter, quantityOf(first + k), ON_2026_06_01, library, accounting);
      const periods = localPeriodsOf(new Date(START + (first + k) * 300_000));
      return rollupKeysFor(meter, periods).map((key) => ({ key, figures }));
    }).flat();
    checksum += aggregate(contributions).length;
  }
  return checksum;
};

const timed = (run: () => number): number => {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
};

/** Readings/s of both paths, best of ROUNDS each, run alternately (the machine is shared). */
export const measureFixedPointCost = () => {
  rawDoubles();
  fixedPoint();
  const raw: number[] = [];
  const fixed: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    raw.push(READINGS / timed(rawDoubles));
    fixed.push(READINGS / timed(fixedPoint));
  }
  return { raw: Math.max(...raw), fixed: Math.max(...fixed) };
};

export const printFixedPointCost = (cost: { raw: number; fixed: number }, ingestRate: number) => {
  const microseconds = (rate: number) => 1e6 / rate;
  const extra = microseconds(cost.fixed) - microseconds(cost.raw);
  console.log(
    `\n### Fixed point: the ingest's summing stage (accounting + 12 keys a reading, ${READINGS} readings in ` +
      `messages of ${PER_MESSAGE}), before (raw doubles) and after (integer mg and millionths), same run\n`,
  );
  printTable(
    ['path', 'readings/s', 'µs a reading'],
    [
      ['before: raw doubles, + per key', cost.raw.toFixed(0), microseconds(cost.raw).toFixed(1)],
      ['after: fixed point, exact sum', cost.fixed.toFixed(0), microseconds(cost.fixed).toFixed(1)],
    ],
  );
  const change = extra >= 0 ? `${extra.toFixed(1)} µs more` : `${(-extra).toFixed(1)} µs less (noise)`;
  console.log(
    `\nFixed point: ${change} a reading, after ÷ before = ${(cost.fixed / cost.raw).toFixed(2)} in readings/s; ` +
      `at the ingest's ${ingestRate.toFixed(0)} readings/s measured above, ${((Math.max(0, extra) * ingestRate) / 1e4).toFixed(1)} % ` +
      'of one core. The accounting engine dominates the stage; the end-to-end rate (fixed point only: the raw ' +
      'path is gone) is bound by DynamoDB and MQTT.',
  );
};
