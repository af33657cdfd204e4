import { hasAnyRole, type Principal } from '../roles.ts';

/**
 * Generated reports and who may read them. A report's id is derived from what it reports on —
 * kind, subject and period — so regenerating a period replaces the report instead of adding a
 * second one (jobs are idempotent).
 */

export const REPORT_KINDS = [
  'carbon-daily',
  'carbon-monthly',
  'performance-weekly',
  'performance-monthly',
  'escalations',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

export interface ReportSubjectRef {
  /** city | industry | enterprise | department | district */
  level: string;
  id: string;
  name: string;
}

export interface ReportEntry {
  id: string;
  kind: ReportKind;
  period: string;
  subject: ReportSubjectRef;
  title: string;
  formats: ReportFormat[];
  /** Object key prefix in the reports bucket; files are `<prefix>.<format>`. */
  keyPrefix: string;
  generatedAt: string;
  /** A few headline figures for the list view. */
  headline: Record<string, number | string | null>;
}

const SAFE = /^[A-Za-z0-9_-]+$/;
const PERIOD = /^\d{4}(-W\d{2}|-\d{2}(-\d{2}(T\d{2})?)?)$/;

/** `carbon-monthly~enterprise~ENT-0001~2026-11`: readable, URL-safe, and parseable back. */
export const reportId = (
  kind: ReportKind,
  subject: Pick<ReportSubjectRef, 'level' | 'id'>,
  period: string,
) => {
  if (!SAFE.test(subject.level) || !SAFE.test(subject.id) || !PERIOD.test(period)) {
    throw new RangeError(`cannot name a report for ${subject.level}/${subject.id}/${period}`);
  }
  return `${kind}~${subject.level}~${subject.id}~${period}`;
};

export const parseReportId = (
  id: string,
): { kind: ReportKind; level: string; subjectId: string; period: string } | undefined => {
  const [kind, level, subjectId, period, ...rest] = id.split('~');
  if (rest.length > 0 || kind === undefined || level === undefined || subjectId === undefined)
    return undefined;
  if (period === undefined || !(REPORT_KINDS as readonly string[]).includes(kind)) return undefined;
  if (!SAFE.test(level) || !SAFE.test(subjectId) || !PERIOD.test(period)) return undefined;
  return { kind: kind as ReportKind, level, subjectId, period };
};

export const reportKeyPrefix = (entry: Pick<ReportEntry, 'kind' | 'subject' | 'period'>): string =>
  `reports/${entry.kind}/${entry.period}/${entry.subject.level}-${entry.subject.id}`;

/**
 * Supervisors and admins read every report. A department head reads the performance reports of
 * their own department. Carbon reports name enterprises' emissions, which are not public by default
 * (issue 4), so deputies and handlers see none; the district-wide escalation list is for staff.
 */
export const canReadReport = (
  principal: Principal,
  entry: Pick<ReportEntry, 'kind' | 'subject'>,
): boolean => {
  if (hasAnyRole(principal, ['supervisor', 'admin'])) return true;
  return (
    entry.kind.startsWith('performance-') &&
    entry.subject.level === 'department' &&
    principal.roles.includes('head') &&
    principal.departmentId === entry.subject.id
  );
};
