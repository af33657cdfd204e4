import { describe, expect, it } from 'vitest';
import { badMessageBody } from '../../../infra/local/simulator/faults.ts';
import { initialState, nextMessage, simulatedFleet } from '../../../infra/local/simulator/fleet-model.ts';
import {
  advanceRegister,
  consumptionBetween,
  loadFactor,
} from '../../../infra/local/simulator/load-shape.ts';
import { parseDuration, parseSimulatorOptions } from '../../../infra/local/simulator/options.ts';
import { dueAt, pacingFor, seededRandom, stepFor } from '../../../infra/local/simulator/pacing.ts';
import { TelemetryPayloadSchema } from '../../../shared/contracts/carbon/telemetry.ts';

const TZ = 'Asia/Shanghai';
// 2026-11-30 is a Monday; 10:30 in Shanghai is 02:30 UTC.
const mondayLocal = (hour: number, minute = 0) => Date.UTC(2026, 10, 30, hour - 8, minute);
const fleet = simulatedFleet();
const meter = (id: string) => {
  const found = fleet.find((m) => m.profile.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};

describe('load shapes', () => {
  it('follow working hours, lunch and weekends', () => {
    expect(loadFactor('dayShift', mondayLocal(10), TZ)).toBe(1);
    expect(loadFactor('dayShift', mondayLocal(3), TZ)).toBe(0.15);
    // 12:00 is the lunch dip (0.7), halfway to 13:00 (0.95) → 0.825.
    expect(loadFactor('dayShift', mondayLocal(12, 30), TZ)).toBeCloseTo(0.825, 9);
    const saturday = mondayLocal(10) - 2 * 86_400_000;
    const sunday = mondayLocal(10) - 86_400_000;
    expect(loadFactor('dayShift', saturday, TZ)).toBe(0.5);
    expect(loadFactor('dayShift', sunday, TZ)).toBeCloseTo(0.2, 9);
    expect(loadFactor('continuous', sunday, TZ)).toBe(1);
    expect(loadFactor('standby', mondayLocal(10, 20), TZ)).toBe(1);
    expect(loadFactor('standby', mondayLocal(11, 20), TZ)).toBe(0);
  });

  it('integrates consumption over an interval', () => {
    // A flat hour at full load: 800 kWh/h × 1 h = 800.
    expect(consumptionBetween('dayShift', 800, mondayLocal(9), mondayLocal(10), TZ)).toBeCloseTo(800, 6);
    // Kiln: 18 t/h for a day = 432 t.
    expect(consumptionBetween('continuous', 18, mondayLocal(0), mondayLocal(24), TZ)).toBeCloseTo(432, 6);
  });
});

describe('registers', () => {
  it('wrap at the rollover value the way the ingest unwraps them', () => {
    // 999 900 + 250 on a register showing 999 999 at most: the ingest computes 1 000 000 − 999 900 + 150 = 250.
    expect(advanceRegister(999_900, 250, 999_999)).toBe(150);
    expect(advanceRegister(10, 5)).toBe(15);
  });

  it('roll over within the first hours of a fresh meter and report consumption except the origin', () => {
    const gas = meter('MTR-0004'); // 120 Nm3/h full load, rollover 999 999 → starts at 999 759
    let state = initialState(gas, mondayLocal(8));
    expect(state.register).toBe(999_759);
    const registers: number[] = [];
    let consumed = 0;
    for (let i = 0; i < 4; i += 1) {
      const message = nextMessage(gas, state, { count: 4, stepMs: 900_000, timeZone: TZ, noise: () => 0 });
      registers.push(...message.payload.readings.map((r) => r.register ?? Number.NaN));
      consumed += message.consumed;
      state = message.state;
      expect(TelemetryPayloadSchema.safeParse(message.payload).success).toBe(true);
    }
    const wrapped = registers.findIndex((value, i) => i > 0 && value < (registers[i - 1] ?? 0));
    expect(wrapped).toBeGreaterThan(0);
    // What the ingest recovers from the registers equals what the simulator says it consumed.
    let recovered = 0;
    for (let i = 1; i < registers.length; i += 1) {
      const prev = registers[i - 1] ?? 0;
      const cur = registers[i] ?? 0;
      recovered += cur >= prev ? cur - prev : 1_000_000 - prev + cur;
    }
    expect(consumed).toBeCloseTo(recovered, 6);
  });

  it('gives interval meters the consumption of each step and stable message ids', () => {
    const power = meter('MTR-0001');
    const options = { count: 4, stepMs: 900_000, timeZone: TZ, noise: () => 0 };
    const message = nextMessage(power, { lastTs: mondayLocal(9) }, options);
    // 09:00–10:00 Monday at full load: four quarters of 200 kWh.
    expect(message.payload.readings.map((r) => r.quantity)).toEqual([200, 200, 200, 200]);
    expect(message.consumed).toBe(800);
    expect(message.payload.messageId).toBe(
      nextMessage(power, { lastTs: mondayLocal(9) }, options).payload.messageId,
    );
  });
});

describe('pacing', () => {
  it('backfills at the meter’s own interval and goes live at the rate', () => {
    const power = meter('MTR-0001');
    const pacing = pacingFor(12, 4, 10); // 12 / (4 × 10) = 0.3 s between live readings
    expect(pacing.liveStepMs).toBe(300);
    const now = mondayLocal(12);
    expect(stepFor(power, { lastTs: now - 3_600_000 }, pacing, now)).toBe(900_000);
    // 60 s behind: one message of 4 readings 15 s apart brings it up to now.
    expect(stepFor(power, { lastTs: now - 60_000 }, pacing, now)).toBe(15_000);
    expect(dueAt(power, { lastTs: now - 60_000 }, pacing, now)).toBe(now);
    // Caught up: live spacing, due once its last reading is no longer in the future.
    expect(stepFor(power, { lastTs: now - 500 }, pacing, now)).toBe(300);
    expect(dueAt(power, { lastTs: now - 500 }, pacing, now)).toBe(now + 700);
    expect(stepFor(power, { lastTs: now - 60_000 }, pacingFor(12, 4, 10, false), now)).toBe(900_000);
  });

  it('repeats with a seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe('bad messages and options', () => {
  it('produces each kind of bad input the ingest must quarantine', () => {
    const context = {
      meterId: 'MTR-0001',
      readingKind: 'interval' as const,
      atMs: mondayLocal(9),
      serial: 1,
    };
    const parsed = (kind: Parameters<typeof badMessageBody>[0]) => {
      try {
        return TelemetryPayloadSchema.safeParse(JSON.parse(badMessageBody(kind, context))).success;
      } catch {
        return 'not json';
      }
    };
    expect(parsed('malformedJson')).toBe('not json');
    expect(parsed('badShape')).toBe(false);
    // These pass the schema: the ingest must catch them against the meter and the clock.
    expect(JSON.parse(badMessageBody('negative', context)).readings[0].quantity).toBeLessThan(0);
    expect(JSON.parse(badMessageBody('wrongKind', context)).readings[0].register).toBeDefined();
    expect(Date.parse(JSON.parse(badMessageBody('future', context)).readings[0].ts)).toBe(
      mondayLocal(9) + 172_800_000,
    );
  });

  it('parses durations and refuses nonsense', () => {
    expect(parseDuration('60s')).toBe(60_000);
    expect(parseDuration('10m')).toBe(600_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(() => parseDuration('soon')).toThrow(/duration/);
    expect(parseSimulatorOptions(['--backfill', '24']).durationMs).toBeUndefined();
    expect(parseSimulatorOptions([]).durationMs).toBe(60_000);
    expect(() => parseSimulatorOptions(['--rate', '0'])).toThrow(/rate/);
    expect(() => parseSimulatorOptions(['--readings-per-message', '501'])).toThrow(/500/);
  });
});
