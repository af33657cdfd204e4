import { describe, expect, it } from 'vitest';
import { initialState, nextMessage, simulatedFleet } from '../../../../infra/local/simulator/fleet-model.ts';
import { seededRandom } from '../../../../infra/local/simulator/pacing.ts';
import { rollupItemKey } from '../../../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import type { TelemetryPayload } from '../../../../shared/contracts/carbon/telemetry.ts';
import { loadFactorLibrary } from '../../../../shared/domain/carbon/accounting/factors.ts';
import {
  type ChunkState,
  chunkReadings,
  type MeterHourState,
  type MeterHourWrite,
  planChunk,
} from '../../../../shared/domain/carbon/ingest/ingest-plan.ts';
import type { Contribution } from '../../../../shared/domain/carbon/rollups/rollup-model.ts';
import { accountingFor } from '../../../support/accounting.ts';

/**
 * What the `readings` figure means for a cumulative register (rollup-model.ts header): one per
 * register reading the ingest accepted, at the reading's own instant — the origin reading included,
 * repeats and conflicting values at an instant already held excluded. Driven with the simulator's
 * own MTR-0004 messages (6-digit gas counter, rollover 999 999) through the pure planner, with a
 * sequential in-memory stand-in for the `carbon` table's meter-hour items.
 */

const TZ = 'Asia/Shanghai';
const library = loadFactorLibrary();
const accounting = accountingFor({ energyType: 'natural-gas' });
/** The gas quantity in millionths of a Nm3 (fixed point, rollup-model.ts). */
const Q = 'qc_natural-gas';
const MICRO = 1e6;

const simMeter = simulatedFleet().find((m) => m.profile.id === 'MTR-0004');
if (simMeter === undefined) throw new Error('MTR-0004 missing from the demo fleet');
const meter = {
  ...simMeter.profile,
  industryCode: 'C3311',
  greenPower: simMeter.profile.greenPower ?? false,
};

/** Meter-hour items and rollup figures, read and written the way DynamoIngestStore does. */
class MemoryCarbon {
  readonly hours = new Map<string, MeterHourState>();
  readonly figures = new Map<string, Record<string, number>>();
  rolloverFlags = 0;

  deliver(payload: TelemetryPayload): void {
    const batch = {
      meterId: meter.id,
      messageId: payload.messageId,
      clientId: meter.id,
      receivedAt: '2026-11-29T04:00:00.000Z',
      readings: payload.readings,
    };
    const ctx = { meter, batch, batchHandle: '88.118.8/batch.sim', library, accounting, timeZone: TZ };
    for (const chunk of chunkReadings(payload.readings, 'cumulative', TZ)) {
      const decision = planChunk(ctx, chunk, this.#read(chunk.hours));
      if (decision.kind === 'stale') throw new Error('a sequential store never reads a half-written message');
      if (decision.kind === 'duplicate') continue;
      for (const write of decision.meterHours) this.#writeHour(write, batch.messageId);
      for (const check of decision.checks) this.#bump(check);
      for (const rollup of decision.rollups) this.#add(rollup);
    }
  }

  #bump(check: { hour: string; next?: string }): void {
    const item = this.hours.get(check.hour);
    if (item === undefined) return;
    item.version += 1;
    if (check.next !== undefined) item.next = check.next;
  }

  #writeHour(write: MeterHourWrite, messageId: string): void {
    const item = this.hours.get(write.hour) ?? {
      hour: write.hour,
      version: 0,
      registers: [],
      messageIds: [],
      logSize: 0,
    };
    if (write.expectedVersion !== undefined && write.expectedVersion !== item.version)
      throw new Error(`stale version on ${write.hour}`);
    item.version += 1;
    if (write.registers) item.registers = write.registers;
    if (write.next !== undefined) item.next = write.next;
    if (write.marksMessage) item.messageIds.push(messageId);
    this.rolloverFlags += write.logEntry.deltas.filter((d) => d.flag === 'rollover').length;
    this.hours.set(write.hour, item);
  }

  #add(rollup: Contribution): void {
    const key = `${rollupItemKey(rollup.key).pk}|${rollup.key.period}`;
    const sum = this.figures.get(key) ?? {};
    for (const [name, value] of Object.entries(rollup.figures)) sum[name] = (sum[name] ?? 0) + Number(value);
    this.figures.set(key, sum);
  }

  /** The chunk's hours plus the nearest stored hour either side (readChunkState with neighbours). */
  #read(chunkHours: readonly string[]): ChunkState {
    const first = chunkHours[0] ?? '';
    const last = chunkHours.at(-1) ?? '';
    const stored = [...this.hours.keys()].sort();
    const before = stored.filter((h) => h < first).at(-1);
    const after = stored.find((h) => h > last);
    const picked = stored.filter((h) => (h >= first && h <= last) || h === before || h === after);
    return { read: true, hours: structuredClone(picked.map((h) => this.hours.get(h) as MeterHourState)) };
  }

  /** A figure summed over the meter's day items (a 24 h run spans two local days). */
  meterDays(figure: string): number {
    let total = 0;
    for (const [key, sum] of this.figures)
      if (key.startsWith(`ROLLUP#meter#${meter.id}#day|`)) total += sum[figure] ?? 0;
    return total;
  }

  meterDay(day: string): Record<string, number> | undefined {
    return this.figures.get(`ROLLUP#meter#${meter.id}#day|${day}`);
  }
}

/** A 24 h backfill as `npm run simulate -- --backfill 24` sends it: 24 messages × 4 quarter-hours. */
const backfill24h = () => {
  const random = seededRandom(1);
  const noise = () => (random() - 0.5) * 0.1;
  // Fresh meter: register 999 999 − 2 × 120 = 999 759, so the run wraps within its first hours.
  let state = initialState(simMeter, Date.parse('2026-11-28T03:00:00Z'));
  const messages: { payload: TelemetryPayload; consumed: number }[] = [];
  for (let i = 0; i < 24; i += 1) {
    const next = nextMessage(simMeter, state, { count: 4, stepMs: 900_000, timeZone: TZ, noise });
    messages.push({ payload: next.payload, consumed: next.consumed });
    state = next.state;
  }
  return messages;
};

describe('the readings figure of a cumulative register', () => {
  it('counts all 96 readings of a 24 h MTR-0004 backfill across a rollover, redeliveries and a late message', () => {
    const messages = backfill24h();
    const payloads = messages.map((m) => m.payload);
    const consumed = messages.reduce((s, m) => s + m.consumed, 0);
    expect(payloads.flatMap((p) => p.readings)).toHaveLength(96);
    const carbon = new MemoryCarbon();
    // Message 6 arrives last (its readings split intervals already counted); 3 and 10 twice.
    const order = [...payloads.slice(0, 6), ...payloads.slice(7), payloads[6], payloads[3], payloads[10]];
    for (const payload of order) if (payload) carbon.deliver(payload);

    expect(carbon.rolloverFlags).toBeGreaterThan(0);
    expect(carbon.meterDays('readings')).toBe(96);
    // The first reading is the origin: consumption is what the 95 later readings add (the simulator
    // leaves the fresh meter's first step out of `consumed` the same way).
    expect(carbon.meterDays(Q) / MICRO).toBeCloseTo(consumed, 6);
    // 03:15Z…03:00Z next day = 11:15 Nov 28 … 11:00 Nov 29 Shanghai: 51 quarter-hours up to
    // 23:45 local (11:15→23:45 is 12.5 h = 50 steps, plus the first), 45 from 00:00 to 11:00.
    expect(carbon.meterDay('2026-11-28')?.readings).toBe(51);
    expect(carbon.meterDay('2026-11-29')?.readings).toBe(45);
  });

  it('a message that never arrives leaves the quantity whole but the readings short', () => {
    const messages = backfill24h();
    const carbon = new MemoryCarbon();
    for (const [index, m] of messages.entries()) if (index !== 12) carbon.deliver(m.payload);
    const consumed = messages.reduce((s, m) => s + m.consumed, 0);

    // The register is cumulative: message 13's first reading is measured from message 12's last,
    // so the lost interval's gas is still counted — only its 4 readings are missing (92 of 96).
    expect(carbon.meterDays(Q) / MICRO).toBeCloseTo(consumed, 6);
    expect(carbon.meterDays('readings')).toBe(92);
  });

  it('counts the origin, a rollover and a late reading once each; a repeat or a conflict not at all', () => {
    const carbon = new MemoryCarbon();
    const send = (messageId: string, readings: TelemetryPayload['readings']) =>
      carbon.deliver({ messageId, readings });
    // All within 2026-11-28 local (UTC+8): 02:00Z–03:00Z = 10:00–11:00 Shanghai.
    send('origin', [{ ts: '2026-11-28T02:00:00Z', register: 999_990 }]);
    expect(carbon.meterDay('2026-11-28')).toMatchObject({ readings: 1 });
    expect(carbon.meterDay('2026-11-28')?.[Q]).toBeUndefined();

    // 999 998 − 999 990 = 8; then the wrap: 1 000 000 − 999 998 + 5 = 7
    send('wrap', [
      { ts: '2026-11-28T02:30:00Z', register: 999_998 },
      { ts: '2026-11-28T03:00:00Z', register: 5 },
    ]);
    expect(carbon.meterDay('2026-11-28')).toMatchObject({ readings: 3, [Q]: 15 * MICRO });

    // The same reading again under another message id, then another value at that instant.
    send('repeat', [{ ts: '2026-11-28T03:00:00Z', register: 5 }]);
    send('conflict', [{ ts: '2026-11-28T03:00:00Z', register: 7 }]);
    expect(carbon.meterDay('2026-11-28')).toMatchObject({ readings: 3, [Q]: 15 * MICRO });

    // A late reading between the origin and 02:30Z: 999 994 − 999 990 = 4 and 999 998 − 999 994 = 4
    // replace the 8 — one more reading, the same quantity.
    send('late', [{ ts: '2026-11-28T02:15:00Z', register: 999_994 }]);
    expect(carbon.meterDay('2026-11-28')).toMatchObject({ readings: 4, [Q]: 15 * MICRO });
  });
});
