/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel on Windows reads Chinese as
 * mojibake), CRLF line ends, every field quoted when it holds a quote, comma or line break (RFC 4180).
 * A field starting with = + - @ is prefixed with an apostrophe so Excel does not run it as a formula.
 */
export interface CsvColumn<T> {
  title: string;
  value: (row: T) => string | number | boolean | undefined | null;
}

const FORMULA = /^[=+\-@\t\r]/;

export const csvField = (value: string | number | boolean | undefined | null): string => {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const toCsv = <T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string =>
  `\uFEFF${[
    columns.map((c) => csvField(c.title)),
    ...rows.map((row) => columns.map((c) => csvField(c.value(row)))),
  ]
    .map((fields) => fields.join(','))
    .join('\r\n')}\r\n`;
