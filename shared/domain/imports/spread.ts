import { localTimeToInstant } from '../calendar/local-date.ts';
import { QUANTITY_SCALE } from '../carbon/rollups/fixed-point.ts';

/**
 * A monthly value as daily activity, exactly (docs/imports.md, "Spreading"): the value in integer
 * millionths of its unit is split over the month's days, the first `r` days taking one millionth
 * more, so the parts are integers that sum to the whole. Each part is booked at 12:00 local time.
 */

/** Booked at local noon: never in a neighbouring day for any zone offset up to ±12 h. */
const NOON_MINUTE = 12 * 60;

export const daysInMonth = (period: string): number => {
  const [year = 0, month = 1] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
};

/** Integer parts of `micro` over `days`: the first `micro mod days` get one more. */
export const spreadParts = (micro: number, days: number): number[] => {
  if (!Number.isSafeInteger(micro) || micro < 0) throw new RangeError(`not a fixed-point quantity: ${micro}`);
  const base = Math.floor(micro / days);
  const remainder = micro - base * days;
  return Array.from({ length: days }, (_, i) => base + (i < remainder ? 1 : 0));
};

export interface DayPart {
  /** ISO instant, local noon of the day. */
  ts: string;
  day: string;
  /** In the unit of the value, as a double (part / 10⁶, exact to the stored resolution). */
  quantity: number;
  micro: number;
}

/** The month's day parts of a value given in integer millionths of its unit. */
export const spreadMonth = (period: string, micro: number, timeZone: string): DayPart[] =>
  spreadParts(micro, daysInMonth(period)).map((part, i) => {
    const day = `${period}-${String(i + 1).padStart(2, '0')}`;
    return {
      ts: localTimeToInstant(day, NOON_MINUTE, timeZone).toISOString(),
      day,
      quantity: part / QUANTITY_SCALE,
      micro: part,
    };
  });

const DECIMAL = /^\s*\+?(\d{1,15})(?:\.(\d+))?\s*$/;

/**
 * A decimal text as integer millionths, rounded half-even past six decimals, from the digits (never
 * through a double, so `0.1` is exactly 100 000). Undefined when it is not a plain non-negative
 * decimal or exceeds fixed point (2^53 millionths ≈ 9e9 of the unit).
 */
export const parseMicro = (text: string): number | undefined => {
  const match = DECIMAL.exec(text.replaceAll(',', '').replaceAll('，', ''));
  if (!match) return undefined;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  const kept = `${fraction}000000`.slice(0, 6);
  let micro = BigInt(whole) * 1_000_000n + BigInt(kept);
  const rest = fraction.slice(6);
  const first = rest[0] ?? '0';
  const tail = /[1-9]/.test(rest.slice(1));
  if (first > '5' || (first === '5' && (tail || micro % 2n === 1n))) micro += 1n;
  return micro > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(micro);
};

/** Integer millionths of one unit in another, by a power-of-ten ratio, rounded half-even. */
export const convertMicro = (micro: number, ratio: number): number => {
  if (ratio >= 1) return micro * Math.round(ratio);
  const divisor = Math.round(1 / ratio);
  const quotient = Math.floor(micro / divisor);
  const remainder = micro - quotient * divisor;
  const twice = remainder * 2;
  if (twice > divisor || (twice === divisor && quotient % 2 === 1)) return quotient + 1;
  return quotient;
};
