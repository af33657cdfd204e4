/**
 * Axis arithmetic for the report charts: a "nice" upper bound and evenly spaced ticks (1, 2, 2.5 or
 * 5 × 10ⁿ), so axes read 0, 50, 100, 150 rather than 0, 47.3, 94.6.
 */

const NICE_STEPS = [1, 2, 2.5, 5, 10] as const;

export interface AxisScale {
  max: number;
  step: number;
  ticks: number[];
}

export const niceScale = (dataMax: number, targetTicks = 5): AxisScale => {
  if (!Number.isFinite(dataMax) || dataMax <= 0)
    return { max: 1, step: 0.25, ticks: [0, 0.25, 0.5, 0.75, 1] };
  const rough = dataMax / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = (NICE_STEPS.find((candidate) => candidate * magnitude >= rough) ?? 10) * magnitude;
  const max = Math.ceil(dataMax / step - 1e-9) * step;
  const count = Math.round(max / step);
  const ticks = Array.from({ length: count + 1 }, (_, index) => roundTo(index * step, step));
  return { max, step, ticks };
};

/** Removes floating-point noise (0.30000000000000004) at the precision of the step. */
const roundTo = (value: number, step: number): number => {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(decimals));
};

/** Tick labels: thousands separators, at most 3 decimals, no trailing zeros. */
export const formatTick = (value: number): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: 3 });
