import type { RefusalReason } from './judge-row.ts';
import type { FeedKind } from './templates.ts';

/** An import: the job record with its checkpoint and counts (docs/imports.md, "The items"). */

export const IMPORT_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'withdrawing',
  'withdrawn',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportCounts {
  /** Data rows read (the header not counted). */
  rows: number;
  accepted: number;
  refused: number;
  /** Accepted rows that filled an empty slot / replaced a value in force / were applied before a crash. */
  new: number;
  corrections: number;
  /** Accepted rows of accounts whose meter counts instead (recorded, not counted). */
  notCounted: number;
  byReason: Partial<Record<RefusalReason, number>>;
}

export interface ImportRecord {
  id: string;
  kind: FeedKind;
  templateVersion: number;
  format: ImportFormat;
  fileName: string;
  fileKey: string;
  uploadedBy: string;
  /**
   * Uploaded by an enterprise account: its enterprise. Only rows of accounts mapped to it are
   * accepted (others are refused as `unknown-account`), and only it and admins see the import.
   */
  enterpriseId?: string;
  createdAt: string;
  status: ImportStatus;
  startedAt?: string;
  finishedAt?: string;
  error?: string;
  leaseUntil?: string;
  /** Data rows done (checkpoint): a resumed run starts after them. */
  rowsDone: number;
  /** Data rows in the file, counted when the run first starts (progress). */
  totalRows?: number;
  counts: ImportCounts;
  /** The refused rows as CSV (UTF-8 with BOM), once the run finished with refusals. */
  refusedKey?: string;
  withdrawal?: {
    requestedBy: string;
    requestedAt: string;
    rowsDone: number;
    changed: number;
    finishedAt?: string;
  };
}

export interface RefusedRow {
  /** Line number in the file (the header is line 1). */
  row: number;
  reason: RefusalReason;
  field: string;
  message: string;
  fields: Record<string, string>;
}

export const emptyCounts = (): ImportCounts => ({
  rows: 0,
  accepted: 0,
  refused: 0,
  new: 0,
  corrections: 0,
  notCounted: 0,
  byReason: {},
});

export const newImport = (input: {
  id: string;
  kind: FeedKind;
  templateVersion: number;
  format: ImportFormat;
  fileName: string;
  fileKey: string;
  uploadedBy: string;
  enterpriseId?: string;
  at: Date;
}): ImportRecord => {
  const { at, ...rest } = input;
  return { ...rest, createdAt: at.toISOString(), status: 'queued', rowsDone: 0, counts: emptyCounts() };
};

/** Who may see and withdraw an import: admins any; an enterprise account its enterprise's own. */
export const visibleTo = (
  record: Pick<ImportRecord, 'enterpriseId'>,
  principal: { roles: readonly string[]; enterpriseId?: string },
): boolean =>
  principal.roles.includes('admin') ||
  (principal.enterpriseId !== undefined && record.enterpriseId === principal.enterpriseId);

/** Statuses a job takes up: a new import, one interrupted, a withdrawal asked for. */
export const isOpen = (record: Pick<ImportRecord, 'status'>): boolean =>
  record.status === 'queued' || record.status === 'running' || record.status === 'withdrawing';

/** Progress for the API: rows done of the file's rows (null until the job has counted them). */
export const progressOf = (record: ImportRecord) => {
  const withdrawing = record.status === 'withdrawing' || record.status === 'withdrawn';
  const done = withdrawing ? (record.withdrawal?.rowsDone ?? 0) : record.rowsDone;
  return { rowsDone: done, totalRows: record.totalRows ?? null };
};
