import { describe, expect, it } from 'vitest';
import { rollupItemKey } from '../../../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import { figuresOf } from '../../../../shared/domain/carbon/rollups/emission-series.ts';
import {
  type ReadingMeter,
  readingEmissions,
} from '../../../../shared/domain/carbon/rollups/reading-emissions.ts';
import {
  aggregate,
  localPeriodsOf,
  rollupKeysFor,
} from '../../../../shared/domain/carbon/rollups/rollup-model.ts';
import { accountingFor, ON_2026_06_01 } from '../../../support/accounting.ts';
import { DecimalSum } from '../../../support/decimal-sum.ts';

/**
 * 100 000 awkward readings (issue 13: 4 999, 1.2345678901234567e-18 — as a double …566e-18 —, 0.1, 1/3 …) through the ingest's
 * pure sum logic — the figures of each reading, summed per message as a transaction would — into
 * an emulation of DynamoDB's exact decimal ADD: no item may ever need more than 38 digits, every
 * level must hold exactly the sum of the level below, and the total may not drift from the readings
 * by more than the documented resolution.
 */
const library = loadFactorLibrary();
const base = { enterpriseId: 'ENT-A', industryCode: 'C3311', greenPower: false };
const power: ReadingMeter = {
  ...base,
  id: 'MTR-A',
  energyType: 'electricity',
  unit: 'kWh',
  scope: 2,
  gridRegion: 'CN-SOUTH',
};
const gas: ReadingMeter = { ...base, id: 'MTR-B', energyType: 'natural-gas', unit: 'Nm3', scope: 1 };

const READINGS = 100_000;
/** Most messages carry 10 readings; every third carries one, as in the example month. */
const sizeOf = (message: number) => (message % 3 === 2 ? 1 : 10);
const START = Date.parse('2026-05-31T16:00:00Z'); // 2026-06-01 00:00 in Shanghai
const STEP_MS = 25_000; // 100 000 readings span 29 days: one local month

/** A deterministic stream of values a meter may legitimately send, chosen to upset doubles. */
const awkward = (i: number, next: () => number): number => {
  switch (i % 8) {
    case 0:
      return 4999;
    case 1:
      return 1.2345678901234566e-18;
    case 2:
      return 0.1;
    case 3:
      return 1 / 3;
    case 4:
      return 4999.999999999999;
    case 5:
      return 5;
    default:
      return next() * 10 ** Math.floor(next() * 22 - 18); // 1e-18 … 1e3, 17 significant digits
  }
};

const lcg = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

/** DynamoDB emulated: item → attribute → exact decimal sum; fails on a 39th digit as DynamoDB does. */
class DecimalTable {
  readonly items = new Map<string, Map<string, DecimalSum>>();

  add(key: string, figures: Record<string, number | bigint>): void {
    const item = this.items.get(key) ?? new Map<string, DecimalSum>();
    this.items.set(key, item);
    for (const [name, value] of Object.entries(figures)) {
      const sum = (item.get(name) ?? new DecimalSum()).add(value);
      if (sum.digits() > 38) throw new Error(`${key} ${name}: ${sum.digits()} digits, DynamoDB keeps 38`);
      item.set(name, sum);
    }
  }

  /** The item as the SDK would read it back (numbers beyond 2^53 as bigint). */
  read(key: string): Record<string, number | bigint> {
    return Object.fromEntries(
      [...(this.items.get(key) ?? new Map<string, DecimalSum>())].map(([name, sum]) => {
        const integer = sum.integer();
        const safe = integer !== undefined && integer <= BigInt(Number.MAX_SAFE_INTEGER);
        return [name, integer === undefined || safe ? Number(sum.toString()) : integer];
      }),
    );
  }
}

type Item = Map<string, DecimalSum>;

/** The attribute-wise exact sum of items. */
const sumItems = (items: readonly (Item | undefined)[]): Item => {
  const total: Item = new Map();
  for (const item of items)
    for (const [name, sum] of item ?? [])
      total.set(name, (total.get(name) ?? new DecimalSum()).addDecimal(sum));
  return total;
};
const exact = (item: Item | undefined) =>
  Object.fromEntries([...(item ?? [])].map(([name, sum]) => [name, sum.toString()]));

/** Sends READINGS awkward readings, message by message, alternating an electricity and a gas meter. */
const ingestAwkward = (table: DecimalTable) => {
  const next = lcg(13);
  const sent = { electricity: [] as number[], gas: [] as number[] };
  for (let first = 0, message = 0; first < READINGS; first += sizeOf(message), message += 1) {
    const meter = message % 2 === 0 ? power : gas;
    const contributions = Array.from({ length: Math.min(sizeOf(message), READINGS - first) }, (_, k) => {
      const quantity = awkward(first + k, next);
      (meter === power ? sent.electricity : sent.gas).push(quantity);
      const periods = localPeriodsOf(new Date(START + (first + k) * STEP_MS));
      const { figures } = readingEmissions(meter, quantity, ON_2026_06_01, library, accountingFor(meter));
      return rollupKeysFor(meter, periods).map((key) => ({ key, figures }));
    }).flat();
    for (const { key, figures } of aggregate(contributions))
      table.add(`${rollupItemKey(key).pk}|${key.period}`, figures);
  }
  return sent;
};

describe('100 000 awkward additions', () => {
  it('never need more than 38 digits, add up exactly across levels and do not drift', () => {
    const table = new DecimalTable();

    const sent = ingestAwkward(table);

    // Every level holds exactly the sum of the level below, attribute by attribute.
    const month = (level: string, id: string) => table.items.get(`ROLLUP#${level}#${id}#month|2026-06`);
    const meters = sumItems([month('meter', 'MTR-A'), month('meter', 'MTR-B')]);
    expect(exact(month('enterprise', 'ENT-A'))).toEqual(exact(meters));
    expect(exact(month('industry', 'C3311'))).toEqual(exact(meters));
    expect(exact(month('city', 'city'))).toEqual(exact(meters));
    const hours = [...table.items].filter(([key]) => key.startsWith('ROLLUP#meter#MTR-A#hour|'));
    expect(exact(sumItems(hours.map(([, item]) => item)))).toEqual(exact(month('meter', 'MTR-A')));

    // No drift: within half a millionth of a unit per reading of the true sum of what was sent.
    const city = figuresOf(table.read('ROLLUP#city#city#month|2026-06'));
    const drift = (value: number | undefined, values: number[]) =>
      Math.abs((value ?? 0) - values.reduce((s, v) => s + v, 0));
    expect(drift(city.quantities.electricity?.value, sent.electricity)).toBeLessThanOrEqual(
      sent.electricity.length * 0.5e-6 + 1e-6,
    );
    expect(drift(city.quantities['natural-gas']?.value, sent.gas)).toBeLessThanOrEqual(
      sent.gas.length * 0.5e-6 + 1e-6,
    );
  }, 60_000);
});
