/**
 * Anomalies in a meter's hourly emissions, judged against the meter's own profile: the same hour of
 * the week in earlier weeks (a boiler at 03:00 on a Sunday is compared with earlier Sundays at 03:00,
 * not with Monday noon). Robust statistics — median and MAD (median absolute deviation, scaled by
 * 1.4826 to estimate a standard deviation) — so one earlier spike does not hide the next one.
 */

export const ANOMALY_KINDS = ['spike', 'dropToZero', 'flatLine'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export interface AnomalyThresholds {
  /** Robust z-score above which an hour is a spike. */
  spikeZ: number;
  /** …and it must also exceed the median by this factor, so tiny absolute wiggles never alert. */
  spikeRatio: number;
  /** Fewer earlier same-hour values than this: no judgement (a new meter has no profile yet). */
  minHistory: number;
  /** This many identical non-zero hours in a row is a stuck sensor or a copied-forward value. */
  flatRunHours: number;
}

export const DEFAULT_ANOMALY_THRESHOLDS: AnomalyThresholds = {
  spikeZ: 4,
  spikeRatio: 1.5,
  minHistory: 3,
  flatRunHours: 6,
};

export interface AnomalyInput {
  /** The hour being judged (tCO2e). */
  current: number;
  /** The same hour of the week in earlier weeks (tCO2e), any order. */
  sameHourHistory: readonly number[];
  /** The latest hours in time order, ending with the current hour (for flat lines). */
  recentHours: readonly number[];
}

export interface Anomaly {
  kind: AnomalyKind;
  value: number;
  expected: number;
  /** The robust z-score (spikes) or run length (flat lines), for the alert text. */
  score: number;
}

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

export const medianAbsoluteDeviation = (values: readonly number[]): number => {
  const centre = median(values);
  return median(values.map((value) => Math.abs(value - centre)));
};

const MAD_TO_SIGMA = 1.4826;

/** At most one anomaly per hour: a spike or a drop outranks a flat line. */
export const judgeHour = (
  input: AnomalyInput,
  thresholds: AnomalyThresholds = DEFAULT_ANOMALY_THRESHOLDS,
): Anomaly | undefined => {
  if (input.sameHourHistory.length < thresholds.minHistory) return undefined;
  const expected = median(input.sameHourHistory);
  const spread = MAD_TO_SIGMA * medianAbsoluteDeviation(input.sameHourHistory);
  // A perfectly regular history has MAD 0; a floor of 5 % of the median keeps z finite and sane.
  const sigma = Math.max(spread, 0.05 * expected, Number.EPSILON);
  const z = (input.current - expected) / sigma;
  if (z > thresholds.spikeZ && input.current > expected * thresholds.spikeRatio) {
    return { kind: 'spike', value: input.current, expected, score: z };
  }
  const mostlyRunning =
    input.sameHourHistory.filter((value) => value > 0).length >= 0.75 * input.sameHourHistory.length;
  if (input.current === 0 && expected > 0 && mostlyRunning) {
    return { kind: 'dropToZero', value: 0, expected, score: z };
  }
  const run = trailingEqualRun(input.recentHours);
  if (input.current > 0 && run >= thresholds.flatRunHours && spread > 0) {
    return { kind: 'flatLine', value: input.current, expected, score: run };
  }
  return undefined;
};

/** How many values at the end of the list are exactly equal to the last one. */
const trailingEqualRun = (values: readonly number[]): number => {
  const last = values.at(-1);
  if (last === undefined) return 0;
  let run = 0;
  for (let index = values.length - 1; index >= 0 && values[index] === last; index -= 1) run += 1;
  return run;
};

export interface MonthProjection {
  projectedTonnes: number;
  /** projected / limit, when a budget exists. */
  budgetUse?: number;
  projectedBreach: boolean;
}

/**
 * Month-end projection at the month-to-date rate: total so far × (hours in month / hours elapsed).
 * Linear on purpose: it is explainable to an enterprise in one sentence, and the daily report shows
 * the trend beside it. Too little of the month elapsed (under a day) gives no projection.
 */
export const projectMonthEnd = (
  monthToDateTonnes: number,
  elapsedHours: number,
  hoursInMonth: number,
  limitTonnes?: number,
): MonthProjection | undefined => {
  if (elapsedHours < 24 || hoursInMonth <= 0) return undefined;
  const projectedTonnes = (monthToDateTonnes * hoursInMonth) / Math.min(elapsedHours, hoursInMonth);
  if (limitTonnes === undefined || limitTonnes <= 0) return { projectedTonnes, projectedBreach: false };
  const budgetUse = projectedTonnes / limitTonnes;
  return { projectedTonnes, budgetUse, projectedBreach: budgetUse >= 1 };
};
