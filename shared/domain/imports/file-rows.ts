import type { ImportFiles } from '../../ports/import-store.ts';
import type { ImportRecord } from './import-record.ts';
import { mapHeader, rowFields, type TemplateColumn, templateOf } from './templates.ts';

/** The file itself cannot be imported (its header, its size, its syntax): the import fails. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** A parser's complaint about the file's syntax (csv-parse's `CSV_…` codes). */
export const isFileSyntaxError = (error: unknown): boolean =>
  error instanceof ImportFileError || String((error as { code?: unknown })?.code ?? '').startsWith('CSV_');

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Excel turns a typed `2026-10` into a date, which an .xlsx stores as its serial (days since
 * 1899-12-30): such a number in the period column is read back as its month.
 */
export const excelPeriod = (text: string): string => {
  if (!/^\d{5}(\.\d+)?$/.test(text)) return text;
  const serial = Math.floor(Number(text));
  if (serial < 36_526 || serial > 73_050) return text; // 2000-01-01 … 2099-12-31
  return new Date(EXCEL_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 7);
};

/** Files up to this many data rows (issue 22). */
export const MAX_ROWS = 100_000;

export interface DataRow {
  /** 1-based among the data rows (blank lines skipped). */
  index: number;
  /** Line in the file: the header is line 1. */
  line: number;
  fields: Record<string, string>;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * The data rows of an import's file as named fields, streamed. Throws (failing the import) when the
 * header lacks a required column of the template or the file passes MAX_ROWS rows.
 */
export async function* dataRows(files: ImportFiles, record: ImportRecord): AsyncGenerator<DataRow> {
  const columns: readonly TemplateColumn[] | undefined = templateOf(record.kind, record.templateVersion);
  if (columns === undefined) throw new Error(`no template ${record.kind} v${record.templateVersion}`);
  let indexes: Map<string, number> | undefined;
  let index = 0;
  let line = 0;
  for await (const cells of files.rows(record.fileKey, record.format)) {
    line += 1;
    if (indexes === undefined) {
      const mapped = mapHeader(cells, columns);
      if (mapped.missing.length > 0)
        throw new ImportFileError(
          `表头缺少列 ${mapped.missing.map((c) => `${c.zh} ${c.en}`).join('、')} (the header lacks required columns)`,
        );
      indexes = mapped.indexes;
      continue;
    }
    if (isBlank(cells)) continue;
    index += 1;
    if (index > MAX_ROWS)
      throw new Error(`文件超过 ${MAX_ROWS} 行 (the file has more than ${MAX_ROWS} rows)`);
    const fields = rowFields(cells, indexes, columns);
    if (fields.period !== undefined) fields.period = excelPeriod(fields.period);
    yield { index, line, fields };
  }
  if (indexes === undefined) throw new ImportFileError('文件为空 (the file is empty)');
}
