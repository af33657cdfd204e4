import type { MeterRecord } from '../../registry/records.ts';
import type { DeltaFlag } from '../rollups/register-deltas.ts';

/**
 * What one reading (an interval quantity, or the delta a register reading makes) must satisfy to be
 * summed. A reading that fails is refused BY ITSELF: it goes to quarantine naming its index and
 * reason, and the rest of its message applies (ingest-plan.ts), so one bad value never poisons a
 * message. Reasons, checked in this order:
 *   unrepresentable  DynamoDB cannot hold the number (0 or 1e-130 … 1e126), or one reading is beyond
 *                    the fixed-point range (2^53 steps: about 9 million t, or 9e9 of the canonical
 *                    unit) — no override makes it storable;
 *   absurd value     above the absolute bound per hour for the unit (ABSURD_PER_HOUR), whatever meter;
 *   implausible      above this meter's plausible limit: its capacity (`maxPerHour`, in its own unit,
 *                    from the registry) or, without one, 100 × the median hourly use of its recent
 *                    days (plausible-limits.ts).
 * The last two can be overridden by an admin's replay after review (`?override=implausible`).
 * A positive reading below the resolution (1.2e-18 kWh) is representable: it is kept and counted,
 * with figures that round to zero.
 */

export type RejectionReason = 'unrepresentable' | 'absurd value' | 'implausible';

/** A reading refused on its own; the rest of its message applies. */
export interface RejectedReading {
  /** Position of the reading in the message as received. */
  index: number;
  /** Its timestamp, epoch ms. */
  ts: number;
  reason: RejectionReason;
  path: string;
  message: string;
}

/** A meter's plausible quantity per hour; none when it has no capacity and too little history. */
export interface PlausibleLimit {
  /** `maxPerHour` from the registry, in the meter's own unit. */
  capacityPerHour?: number;
  /** 100 × the median hourly use of its recent days, in the energy type's canonical unit. */
  historyPerHour?: number;
  /** Days of history the history limit rests on. */
  historyDays?: number;
  canonicalUnit?: string;
}

/**
 * Absolute upper bound of a quantity per hour, by unit: far above any single meter in a district
 * (500 MW of electricity, 200 000 Nm3 of gas, 50 m3 of liquid fuel an hour). Above it the value is
 * a device fault or a misread rollover, whatever the meter.
 */
export const ABSURD_PER_HOUR: Record<string, number> = {
  kWh: 500_000,
  MWh: 500,
  Nm3: 200_000,
  m3: 200_000,
  '10^4Nm3': 20,
  L: 50_000,
  t: 5_000,
  kg: 5_000_000,
  MJ: 50_000_000,
  GJ: 50_000,
  TJ: 50,
  tCO2e: 5_000,
  kgCO2e: 5_000_000,
};

/** The absolute bound of a quantity covering `hours` (at least one hour). */
export const absurdLimit = (unit: string, hours: number): number =>
  (ABSURD_PER_HOUR[unit] ?? Number.POSITIVE_INFINITY) * Math.max(1, hours);

export interface CheckContext {
  meter: Pick<MeterRecord, 'unit'>;
  limit?: PlausibleLimit;
  /** An admin's replay after review: plausibility is not judged, representability still is. */
  acceptImplausible?: boolean;
}

export interface Problem {
  reason: RejectionReason;
  message: string;
}

const HOURS = (hours: number) => Math.round(Math.max(1, hours) * 100) / 100;

/**
 * The problem of one quantity covering `hours`, or undefined. `canonical` is the same quantity in
 * the canonical unit, undefined when it does not fit fixed point.
 */
export const quantityProblem = (
  check: CheckContext,
  quantity: number,
  canonical: number | undefined,
  hours: number,
  flag?: DeltaFlag,
): Problem | undefined => {
  const unit = check.meter.unit;
  const what = `${quantity} ${unit}${flag ? ` (${flag})` : ''}`;
  if (canonical === undefined)
    return {
      reason: 'unrepresentable',
      message: `数值超出可存储范围 (${what} cannot be held to the stored resolution)`,
    };
  if (check.acceptImplausible) return undefined;
  const absurd = absurdLimit(unit, hours);
  if (quantity > absurd)
    return {
      reason: 'absurd value',
      message: `读数超过绝对上限 ${absurd} ${unit}（${HOURS(hours)} 小时）(${what} exceeds the absolute bound of ${absurd} ${unit} for ${HOURS(hours)} h)`,
    };
  return limitProblem(check, quantity, canonical, hours, what);
};

const limitProblem = (
  check: CheckContext,
  quantity: number,
  canonical: number,
  hours: number,
  what: string,
): Problem | undefined => {
  const limit = check.limit;
  const h = HOURS(hours);
  if (limit?.capacityPerHour !== undefined) {
    const max = limit.capacityPerHour * Math.max(1, hours);
    if (quantity <= max) return undefined;
    return {
      reason: 'implausible',
      message: `读数超过该表额定上限 ${limit.capacityPerHour} ${check.meter.unit}/小时 × ${h} 小时 = ${max} ${check.meter.unit}，请核实计量单位；复核后可强制重新处理 (${what} exceeds the meter's capacity of ${limit.capacityPerHour} ${check.meter.unit}/h × ${h} h)`,
    };
  }
  if (limit?.historyPerHour === undefined) return undefined;
  const max = limit.historyPerHour * Math.max(1, hours);
  if (canonical <= max) return undefined;
  const unit = limit.canonicalUnit ?? '';
  return {
    reason: 'implausible',
    message: `读数折合 ${canonical} ${unit}，超过该表近 ${limit.historyDays ?? 0} 天用量推算的合理上限 ${limit.historyPerHour} ${unit}/小时 × ${h} 小时，请核实计量单位；复核后可强制重新处理 (${what} = ${canonical} ${unit} exceeds 100 × the meter's median hourly use, ${limit.historyPerHour} ${unit}/h × ${h} h)`,
  };
};
