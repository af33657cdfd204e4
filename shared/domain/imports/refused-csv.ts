import type { RefusedRow } from './import-record.ts';
import { type TemplateColumn, templateHeader } from './templates.ts';

/**
 * The refused rows as a CSV to correct and upload again: UTF-8 with a BOM (so Excel reads the
 * Chinese), the template's columns in its order with both headers, then the line, reason and message.
 */

const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

export const refusedCsv = (columns: readonly TemplateColumn[], rows: readonly RefusedRow[]): string => {
  const head = [...templateHeader(columns), '原行号 line', '拒绝原因 reason', '说明 message'];
  const lines = [...rows]
    .sort((a, b) => a.row - b.row)
    .map((r) => [...columns.map((c) => r.fields[c.key] ?? ''), String(r.row), r.reason, r.message]);
  return `\uFEFF${[head, ...lines].map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
};
