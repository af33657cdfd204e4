import { ENERGY_TYPE_LABEL, MEASURED_PARAMETER_LABELS, measuredUnitLabel } from '../registry/field-words.ts';

/**
 * Feed kinds and their versioned templates (docs/imports.md). A column is headed in Chinese, in
 * English, or both (`账户编号 accountId`); the header line decides which column is which, so the
 * order of columns is free. A template version never changes once published: a new column is a new
 * version.
 */

export const FEED_KINDS = ['utility-monthly', 'fuel-delivery', 'energy-report'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];
/** What people call each feed (messages and the console say these, never the id). */
export const FEED_KIND_NAMES: Readonly<Record<FeedKind, string>> = {
  'utility-monthly': '供电/供气月度用量',
  'fuel-delivery': '燃料购进',
  'energy-report': '能源统计报表',
};

export interface TemplateColumn {
  key: string;
  zh: string;
  en: string;
  required: boolean;
  example: string;
  /** Headings a published version also accepted, still read (a file made from an older download). */
  aliases?: readonly string[];
}

const col = (key: string, zh: string, required: boolean, example: string): TemplateColumn => ({
  key,
  zh,
  en: key,
  required,
  example,
});

const P = MEASURED_PARAMETER_LABELS;

const BASE = [
  col('accountId', '账户编号', true, 'GD-POWER-0001'),
  col('period', '期间', true, '2026-10'),
  col('quantity', '用量', true, '84560'),
  col('unit', '单位', true, 'kWh'),
];

export const TEMPLATES: Readonly<Record<FeedKind, Readonly<Record<number, readonly TemplateColumn[]>>>> = {
  'utility-monthly': { 1: BASE },
  'fuel-delivery': {
    1: [
      ...BASE,
      // The measured parameters' words are the registry's (field-words.ts): one source.
      col('ncv', P.ncv, false, '43.1'),
      col('ncvUnit', measuredUnitLabel('ncv'), false, 'GJ/t'),
      col('carbonContent', P['carbon-content'], false, ''),
      // v1 was first published headed 含碳量单位: files made from that download still read.
      {
        ...col('carbonContentUnit', measuredUnitLabel('carbon-content'), false, ''),
        aliases: ['含碳量单位'],
      },
      col('density', P.density, false, ''),
      col('densityUnit', measuredUnitLabel('density'), false, ''),
    ],
  },
  'energy-report': {
    1: [...BASE.slice(0, 2), col('energyType', ENERGY_TYPE_LABEL, true, 'natural-gas'), ...BASE.slice(2)],
  },
};

export const LATEST_TEMPLATE_VERSION = 1;

export const templateOf = (kind: FeedKind, version: number): readonly TemplateColumn[] | undefined =>
  TEMPLATES[kind][version];

/** The header cells of a template: `账户编号 accountId`, as the downloadable template shows them. */
export const templateHeader = (columns: readonly TemplateColumn[]): string[] =>
  columns.map((c) => `${c.zh} ${c.en}`);

const normalise = (cell: string) =>
  cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

/**
 * Which column index holds which key, from the file's header line; the missing required columns
 * when it lacks any. A cell matches a column by its Chinese, its English or both.
 */
export const mapHeader = (
  header: readonly string[],
  columns: readonly TemplateColumn[],
): { indexes: Map<string, number>; missing: TemplateColumn[] } => {
  const indexes = new Map<string, number>();
  header.forEach((raw, index) => {
    const cell = normalise(raw);
    const column = columns.find((c) =>
      [c.zh, c.en.toLowerCase(), `${c.zh} ${c.en}`.toLowerCase(), ...(c.aliases ?? [])].includes(cell),
    );
    if (column && !indexes.has(column.key)) indexes.set(column.key, index);
  });
  return { indexes, missing: columns.filter((c) => c.required && !indexes.has(c.key)) };
};

/** One data row as named fields (cells trimmed; absent columns are ''). */
export const rowFields = (
  cells: readonly string[],
  indexes: ReadonlyMap<string, number>,
  columns: readonly TemplateColumn[],
): Record<string, string> =>
  Object.fromEntries(
    columns.map((c) => {
      const index = indexes.get(c.key);
      return [c.key, index === undefined ? '' : (cells[index] ?? '').trim()];
    }),
  );
