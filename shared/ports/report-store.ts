import type { ReportEntry, ReportFormat, ReportKind } from '../domain/reports/report-index.ts';

/** The index of generated reports (jobs table). Access patterns: by id; by kind, newest period first. */
export interface ReportIndexStore {
  /** Replaces the entry of the same id: a regenerated period does not add a second report. */
  put(entry: ReportEntry): Promise<void>;
  get(id: string): Promise<ReportEntry | undefined>;
  list(query: { kind: ReportKind; periodPrefix?: string; limit: number; cursor?: string }): Promise<{
    items: ReportEntry[];
    cursor?: string;
  }>;
}

/** Report files in the reports bucket. */
export interface ReportFileStore {
  write(key: string, body: string, format: ReportFormat): Promise<void>;
  read(key: string): Promise<string | undefined>;
  /** A short-lived download link. */
  downloadLink(key: string, expiresInSeconds: number): Promise<string>;
}
