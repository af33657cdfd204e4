import { wallClockOf } from '../../../shared/domain/calendar/local-date.ts';
import { registerModulus } from '../../../shared/domain/carbon/rollups/register-deltas.ts';

/**
 * Daily and weekly load shapes of the demo fleet: the share of a meter's full-load rate drawn at a
 * local time. Hourly weekday profiles (index = local hour, 0–23) with a Saturday and a Sunday factor;
 * values between hours are interpolated so 15-minute readings do not jump at the hour.
 */
export const LOAD_SHAPES = {
  /** One day shift 08–18 with a lunch dip; machines idle at night; Saturday half, Sunday skeleton. */
  dayShift: {
    weekday: [
      0.15, 0.15, 0.15, 0.15, 0.15, 0.18, 0.3, 0.6, 0.95, 1, 1, 1, 0.7, 0.95, 1, 1, 1, 0.9, 0.6, 0.35, 0.25,
      0.2, 0.18, 0.15,
    ],
    saturday: 0.5,
    sunday: 0.2,
  },
  /** Two shifts 06–22 (dyeing lines, boilers); night keeps baths warm. */
  twoShifts: {
    weekday: [
      0.4, 0.4, 0.4, 0.4, 0.4, 0.55, 0.9, 1, 1, 1, 1, 1, 0.9, 1, 1, 1, 1, 1, 0.95, 0.95, 0.9, 0.8, 0.6, 0.45,
    ],
    saturday: 0.7,
    sunday: 0.5,
  },
  /** Continuous kiln: flat around the clock, every day. */
  continuous: { weekday: Array.from({ length: 24 }, () => 1), saturday: 1, sunday: 1 },
  /** Cement grinding follows the tariff: more in the valley hours (23–07), less at the peak. */
  valleyShifted: {
    weekday: [
      1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 0.9, 0.8, 0.75, 0.75, 0.8, 0.9, 0.9, 0.8, 0.75, 0.75, 0.8, 0.8, 0.75,
      0.8, 0.9, 1, 1.2,
    ],
    saturday: 1,
    sunday: 1,
  },
  /** Fleet refuelling: morning and evening peaks, quiet nights. */
  refuelling: {
    weekday: [
      0.02, 0.02, 0.02, 0.02, 0.05, 0.3, 1, 1, 0.8, 0.3, 0.2, 0.2, 0.3, 0.2, 0.2, 0.3, 0.5, 1, 1, 0.6, 0.2,
      0.1, 0.05, 0.02,
    ],
    saturday: 0.6,
    sunday: 0.3,
  },
  /** Standby generator: a one-hour test run on Monday 10:00, otherwise off. */
  standby: { weekday: Array.from({ length: 24 }, () => 0), saturday: 0, sunday: 0 },
} as const satisfies Record<string, LoadShape>;

export interface LoadShape {
  weekday: readonly number[];
  saturday: number;
  sunday: number;
}

export type LoadShapeId = keyof typeof LOAD_SHAPES;

const HOUR_MS = 3_600_000;

/** 0 = Sunday … 6 = Saturday, of the local date. */
const localWeekday = (year: number, month: number, day: number): number =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/** The share of full load at the instant, in the zone's local time. */
export const loadFactor = (shapeId: LoadShapeId, instantMs: number, timeZone: string): number => {
  const wall = wallClockOf(instantMs, timeZone);
  const weekday = localWeekday(wall.year, wall.month, wall.day);
  if (shapeId === 'standby') return weekday === 1 && wall.hour === 10 ? 1 : 0;
  const shape: LoadShape = LOAD_SHAPES[shapeId];
  const dayFactor = weekday === 6 ? shape.saturday : weekday === 0 ? shape.sunday : 1;
  const here = shape.weekday[wall.hour] ?? 0;
  const next = shape.weekday[(wall.hour + 1) % 24] ?? here;
  const within = (wall.minute * 60 + wall.second) / 3600;
  return dayFactor * (here + (next - here) * within);
};

/**
 * Consumption over (fromMs, toMs] at `ratePerHour` full load: the load factor sampled at the middle
 * of each slice of at most 15 minutes, times the slice's hours.
 */
export const consumptionBetween = (
  shapeId: LoadShapeId,
  ratePerHour: number,
  fromMs: number,
  toMs: number,
  timeZone: string,
): number => {
  const sliceMs = 15 * 60_000;
  let total = 0;
  for (let start = fromMs; start < toMs; start += sliceMs) {
    const end = Math.min(toMs, start + sliceMs);
    total += loadFactor(shapeId, (start + end) / 2, timeZone) * ((end - start) / HOUR_MS);
  }
  return total * ratePerHour;
};

/**
 * A cumulative register after `delta` more units. It shows `rolloverValue` at most and wraps to zero
 * one step later, as the ingest unwraps it (shared/domain/carbon/rollups/register-deltas.ts: delta =
 * modulus − prev + cur), so what the simulator consumed is exactly what the ingest recovers.
 */
export const advanceRegister = (register: number, delta: number, rolloverValue?: number): number => {
  const next = register + delta;
  if (rolloverValue === undefined) return next;
  const modulus = registerModulus(rolloverValue);
  return ((next % modulus) + modulus) % modulus;
};
