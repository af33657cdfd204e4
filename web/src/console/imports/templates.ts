import {
  FEED_KINDS,
  type FeedKind,
  LATEST_TEMPLATE_VERSION,
  TEMPLATES,
  templateHeader,
} from '../../../../shared/domain/imports/templates.ts';
import { csvField } from '../lib/csv.ts';

/** The templates an upload may name: each kind at its latest version, its columns and an example line. */
export const TEMPLATE_CHOICES = FEED_KINDS.map((kind) => ({
  kind,
  version: LATEST_TEMPLATE_VERSION,
  columns: TEMPLATES[kind][LATEST_TEMPLATE_VERSION] ?? [],
}));

/**
 * The template as a CSV to fill in: header in both languages, one example line (UTF-8 with BOM, for
 * Excel), built here from the same table the import job reads, so the two cannot disagree.
 */
export const templateCsvUrl = (kind: FeedKind, version: number): string => {
  const columns = TEMPLATES[kind][version] ?? [];
  const lines = [templateHeader(columns), columns.map((c) => c.example)].map((cells) =>
    cells.map((cell) => csvField(cell)).join(','),
  );
  const body = `\uFEFF${lines.join('\r\n')}\r\n`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(body)}`;
};

export const formatOf = (fileName: string): 'csv' | 'xlsx' | undefined => {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
};
