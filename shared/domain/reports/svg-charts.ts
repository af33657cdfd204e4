import { formatTick, niceScale } from './chart-scale.ts';
import { escapeXml } from './xml-text.ts';

/**
 * Self-contained SVG charts for the HTML reports: no script, no fonts to fetch, no browser needed to
 * produce them, and each carries a <title> and an aria-label so screen readers and text-only mail
 * clients still get the message. Colours come from a fixed palette readable by colour-blind readers.
 */

export const PALETTE = ['#1b7f5f', '#e69f00', '#0072b2', '#cc79a7', '#56b4e9', '#d55e00', '#999999'];

export interface LineSeries {
  name: string;
  /** One value per category label; null where there is no data (drawn as a gap). */
  values: readonly (number | null)[];
}

export interface LineChartInput {
  title: string;
  unit: string;
  labels: readonly string[];
  series: readonly LineSeries[];
  width?: number;
  height?: number;
}

const MARGIN = { top: 40, right: 16, bottom: 48, left: 64 };

export const lineChart = (input: LineChartInput): string => {
  const width = input.width ?? 720;
  const height = input.height ?? 320;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const values = input.series.flatMap((series) => series.values.filter((v): v is number => v !== null));
  const scale = niceScale(Math.max(0, ...values));
  const x = (index: number) =>
    MARGIN.left +
    (input.labels.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (input.labels.length - 1));
  const y = (value: number) => MARGIN.top + plotHeight - (value / scale.max) * plotHeight;

  const grid = scale.ticks.map(
    (tick) =>
      `<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${fmt(y(tick))}" y2="${fmt(y(tick))}" stroke="#e0e0e0"/>` +
      `<text x="${MARGIN.left - 6}" y="${fmt(y(tick) + 4)}" text-anchor="end" font-size="11">${formatTick(tick)}</text>`,
  );
  const labelEvery = Math.max(1, Math.ceil(input.labels.length / 12));
  const xLabels = input.labels.map((label, index) =>
    index % labelEvery === 0
      ? `<text x="${fmt(x(index))}" y="${height - MARGIN.bottom + 16}" text-anchor="middle" font-size="11">${escapeXml(label)}</text>`
      : '',
  );
  const lines = input.series.map((series, index) => {
    const colour = PALETTE[index % PALETTE.length];
    const path = pathOf(series.values, x, y);
    const dots = series.values.map((value, i) =>
      value === null ? '' : `<circle cx="${fmt(x(i))}" cy="${fmt(y(value))}" r="2.5" fill="${colour}"/>`,
    );
    return `<g class="series" data-name="${escapeXml(series.name)}"><path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>${dots.join('')}</g>`;
  });
  const legend = legendOf(
    input.series.map((series) => series.name),
    MARGIN.left,
    height - 12,
  );
  return frame(input.title, input.unit, width, height, [...grid, ...xLabels, ...lines, legend]);
};

export interface Bar {
  label: string;
  value: number;
  /** Optional marker drawn across the bar, e.g. the budget. */
  marker?: number;
}

export interface BarChartInput {
  title: string;
  unit: string;
  bars: readonly Bar[];
  width?: number;
}

const BAR_HEIGHT = 22;
const BAR_GAP = 8;
const LABEL_WIDTH = 180;

/** Horizontal bars, largest first as given; good for rankings and breakdowns with long names. */
export const barChart = (input: BarChartInput): string => {
  const width = input.width ?? 720;
  const height = MARGIN.top + input.bars.length * (BAR_HEIGHT + BAR_GAP) + 32;
  const plotWidth = width - LABEL_WIDTH - MARGIN.right - 72;
  const scale = niceScale(Math.max(0, ...input.bars.flatMap((bar) => [bar.value, bar.marker ?? 0])));
  const x = (value: number) => LABEL_WIDTH + (value / scale.max) * plotWidth;
  const rows = input.bars.map((bar, index) => {
    const top = MARGIN.top + index * (BAR_HEIGHT + BAR_GAP);
    const marker =
      bar.marker === undefined
        ? ''
        : `<line class="marker" x1="${fmt(x(bar.marker))}" x2="${fmt(x(bar.marker))}" y1="${top - 3}" y2="${top + BAR_HEIGHT + 3}" stroke="#d55e00" stroke-width="2"/>`;
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${top + 15}" text-anchor="end" font-size="12">${escapeXml(bar.label)}</text>` +
      `<rect class="bar" x="${LABEL_WIDTH}" y="${top}" width="${fmt(Math.max(0, x(bar.value) - LABEL_WIDTH))}" height="${BAR_HEIGHT}" fill="${PALETTE[0]}"/>` +
      `<text x="${fmt(x(bar.value) + 6)}" y="${top + 15}" font-size="11">${formatTick(round3(bar.value))}</text>${marker}`
    );
  });
  return frame(input.title, input.unit, width, height, rows);
};

const frame = (title: string, unit: string, width: number, height: number, body: readonly string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(`${title} (${unit})`)}" font-family="sans-serif">` +
  `<title>${escapeXml(`${title} (${unit})`)}</title>` +
  `<text x="${MARGIN.left}" y="22" font-size="14" font-weight="bold">${escapeXml(title)}</text>` +
  `<text x="${width - MARGIN.right}" y="22" font-size="11" text-anchor="end">${escapeXml(unit)}</text>` +
  `${body.join('')}</svg>`;

const legendOf = (names: readonly string[], left: number, baseline: number): string =>
  names
    .map((name, index) => {
      const at = left + index * 140;
      return `<rect x="${at}" y="${baseline - 9}" width="10" height="10" fill="${PALETTE[index % PALETTE.length]}"/><text x="${at + 14}" y="${baseline}" font-size="11">${escapeXml(name)}</text>`;
    })
    .join('');

/** An SVG path that lifts the pen over missing values instead of drawing them as zero. */
const pathOf = (
  values: readonly (number | null)[],
  x: (index: number) => number,
  y: (value: number) => number,
): string => {
  let penDown = false;
  const parts: string[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      penDown = false;
      return;
    }
    parts.push(`${penDown ? 'L' : 'M'}${fmt(x(index))},${fmt(y(value))}`);
    penDown = true;
  });
  return parts.join(' ');
};

const fmt = (value: number): string => String(Math.round(value * 10) / 10);
const round3 = (value: number): number => Math.round(value * 1000) / 1000;
