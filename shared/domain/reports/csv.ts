/**
 * CSV per RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break. A UTF-8 byte-order mark leads by default, because Excel — what most district offices
 * open a CSV with — otherwise reads Chinese text as mojibake.
 */

export type CsvCell = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

export const csvField = (cell: CsvCell): string => {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' && !Number.isFinite(cell) ? '' : String(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const toCsv = (
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: { byteOrderMark?: boolean } = {},
): string => {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  const bom = options.byteOrderMark === false ? '' : '\uFEFF';
  return `${bom}${lines.join('\r\n')}\r\n`;
};
