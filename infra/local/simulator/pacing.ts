import type { MeterState, SimulatedMeter } from './fleet-model.ts';

/**
 * When each meter's next message is due. Past time (the backfill) is published at the meters' own
 * intervals, as fast as the rate allows; once a meter has caught up with the clock its readings are
 * spaced so the whole fleet sends `rate` messages a second, and a message is due only when its last
 * reading is no longer in the future (future timestamps are bad input).
 */
export interface Pacing {
  readingsPerMessage: number;
  /** Spacing of live readings, ms; undefined when the run only catches up on the past. */
  liveStepMs: number | undefined;
}

/** Live spacing: fleet / (readings × rate) seconds, at least 100 ms. */
export const pacingFor = (
  fleetSize: number,
  readingsPerMessage: number,
  rate: number,
  live = true,
): Pacing => ({
  readingsPerMessage,
  liveStepMs: live ? Math.max(100, Math.round((fleetSize / (readingsPerMessage * rate)) * 1000)) : undefined,
});

/**
 * The spacing of the next message's readings: the meter's own interval while that stays in the past;
 * then one message spread evenly up to now (so an hourly meter does not trail the clock); then the
 * live spacing. A run without a live phase (`liveStepMs` undefined) keeps the own interval.
 */
export const stepFor = (meter: SimulatedMeter, state: MeterState, pacing: Pacing, nowMs: number): number => {
  const nativeMs = meter.profile.expectedIntervalSeconds * 1000;
  if (pacing.liveStepMs === undefined) return nativeMs;
  if (state.lastTs + pacing.readingsPerMessage * nativeMs <= nowMs) return nativeMs;
  const upToNow = Math.floor((nowMs - state.lastTs) / pacing.readingsPerMessage);
  return Math.max(pacing.liveStepMs, upToNow);
};

/** The time the next message's last reading is taken: it may be sent from then on. */
export const dueAt = (meter: SimulatedMeter, state: MeterState, pacing: Pacing, nowMs: number): number =>
  state.lastTs + pacing.readingsPerMessage * stepFor(meter, state, pacing, nowMs);

/** A fresh meter starts at `fromMs` floored to its own interval, so backfilled readings sit on the quarter-hour. */
export const alignedStart = (meter: SimulatedMeter, fromMs: number): number => {
  const nativeMs = meter.profile.expectedIntervalSeconds * 1000;
  return Math.floor(fromMs / nativeMs) * nativeMs;
};

/** mulberry32: a small seeded generator, so a run with the same seed sends the same fleet. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};
