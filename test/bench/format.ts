import { loadavg } from 'node:os';
/** Small helpers to print benchmark tables the same way everywhere. */
export const median = (values: readonly number[]): number => quantile(values, 0.5);

export const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
};

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

export const printTable = (headers: readonly string[], rows: readonly (readonly string[])[]): void => {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
};

/** `3.1`: the box's 1-minute load average, printed beside figures (other engineers share the box). */
export const loadNow = (): string => (loadavg()[0] ?? 0).toFixed(1);
