import { isoWeekOf, isoWeekRange } from '../../domain/calendar/iso-week.ts';
import { addDays, localTimeToInstant } from '../../domain/calendar/local-date.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { computeDepartmentIndicators } from '../../domain/cases/case-indicators.ts';
import { isCaseOverdue } from '../../domain/cases/case-listing.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../domain/cases/case-record.ts';
import type { DepartmentRecord } from '../../domain/registry/records.ts';
import {
  buildPerformanceReport,
  type DepartmentPerformance,
  type OverdueItem,
} from '../../domain/reports/performance-report.ts';
import { provisionalFactsOf } from '../../domain/reports/provisional-mark.ts';
import {
  type ReportEntry,
  type ReportKind,
  reportId,
  reportKeyPrefix,
} from '../../domain/reports/report-index.ts';
import { isSuggestionOverdue } from '../../domain/suggestions/suggestion-deadlines.ts';
import type { SuggestionRecord } from '../../domain/suggestions/suggestion-record.ts';
import { computeSuggestionStatistics } from '../../domain/suggestions/suggestion-statistics.ts';
import type { JobRunStore } from '../../ports/job-run-store.ts';
import type { ReportFileStore, ReportIndexStore } from '../../ports/report-store.ts';
import { type ProgressSink, runCheckpointed } from '../jobs/run-checkpointed.ts';

/**
 * The weekly and monthly department performance job. Cases are counted by their dispatch in the
 * period and suggestions by their filing in it (the figures of the case and suggestion APIs);
 * the overdue lists are what each department holds past its deadline when the report is made.
 */

export interface PerformanceSources {
  departments(): Promise<DepartmentRecord[]>;
  /** Every case and suggestion record, read together (one pass over the workflow table). */
  workflow(): Promise<{ cases: CaseRecord[]; suggestions: SuggestionRecord[] }>;
  timelines(caseIds: readonly string[]): Promise<Map<string, CaseTimelineEntry[]>>;
}

export interface PerformanceDeps {
  sources: PerformanceSources;
  index: ReportIndexStore;
  files: ReportFileStore;
  runs: JobRunStore;
  now: () => Date;
  calendar: WorkingCalendar;
  progress?: ProgressSink;
}

export type PerformanceKind = 'weekly' | 'monthly';

/** Local dates [from, to) of a `2026-W48` or `2026-11` period. */
export const performanceRange = (kind: PerformanceKind, period: string): { from: string; to: string } => {
  if (kind === 'weekly') {
    const { first, next } = isoWeekRange(period);
    return { from: first, to: next };
  }
  const [year, month] = period.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return { from: `${period}-01`, to: `${next}-01` };
};

const DISTRICT = { level: 'district', id: 'district', name: '全区 District' } as const;

/** A case in a department's overdue list. */
export const overdueCaseItem = (record: CaseRecord): OverdueItem => ({
  id: record.id,
  title: record.title,
  due: record.deadline ?? '',
  ...(record.escalationLevel ? { escalationLevel: record.escalationLevel } : {}),
  ...provisionalFactsOf(record),
});

export const runPerformanceReports = async (
  deps: PerformanceDeps,
  run: { job: string; kind: PerformanceKind; period: string },
) => {
  const range = performanceRange(run.kind, run.period);
  const zone = deps.calendar.timeZone;
  const start = localTimeToInstant(range.from, 0, zone).getTime();
  const end = localTimeToInstant(range.to, 0, zone).getTime();
  const inRange = (instant: string | undefined) =>
    instant !== undefined && Date.parse(instant) >= start && Date.parse(instant) < end;
  const [departments, { cases, suggestions }] = await Promise.all([
    deps.sources.departments(),
    deps.sources.workflow(),
  ]);
  const now = deps.now();
  const dispatched = cases.filter((record) => inRange(record.dispatchedAt));
  const timelines = await deps.sources.timelines(dispatched.map((record) => record.id));
  const indicators = new Map(
    computeDepartmentIndicators(dispatched, timelines, now, deps.calendar).map((i) => [i.departmentId, i]),
  );
  const filed = suggestions.filter((record) => inRange(record.submittedAt));
  const statistics = new Map(computeSuggestionStatistics(filed).units.map((u) => [u.unitId, u]));

  const performanceOf = (department: DepartmentRecord): DepartmentPerformance => ({
    departmentId: department.id,
    name: department.name,
    ...(indicators.has(department.id) ? { cases: indicators.get(department.id) } : {}),
    ...(statistics.has(department.id) ? { suggestions: statistics.get(department.id) } : {}),
    overdueCases: cases
      .filter((c) => c.leadDepartmentId === department.id && isCaseOverdue(c, now))
      .map(overdueCaseItem),
    overdueSuggestions: suggestions
      .filter((s) => s.assignment?.leadUnitId === department.id && isSuggestionOverdue(s, now, deps.calendar))
      .map((s) => ({
        id: s.id,
        title: s.title,
        due: s.replyDue ?? '',
        ...(s.escalationLevel ? { escalationLevel: s.escalationLevel } : {}),
      })),
  });
  const all = departments.map(performanceOf);
  const kind: ReportKind = run.kind === 'weekly' ? 'performance-weekly' : 'performance-monthly';
  const label = run.kind === 'weekly' ? '绩效周报' : '绩效月报';

  const write = async (
    subject: { level: string; id: string; name: string },
    rows: DepartmentPerformance[],
  ) => {
    const title = `${subject.name} 办理${label} ${run.period}`;
    const files = buildPerformanceReport(
      {
        kind: run.kind,
        period: run.period,
        range,
        departments: rows,
        generatedAt: now.toISOString(),
        timeZone: zone,
      },
      title,
    );
    const entry: ReportEntry = {
      id: reportId(kind, subject, run.period),
      kind,
      period: run.period,
      subject,
      title,
      formats: ['json', 'csv', 'html'],
      keyPrefix: reportKeyPrefix({ kind, subject, period: run.period }),
      generatedAt: now.toISOString(),
      headline: {
        casesDispatched: rows.reduce((sum, row) => sum + (row.cases?.dispatched ?? 0), 0),
        casesOverdue: rows.reduce((sum, row) => sum + row.overdueCases.length, 0),
        suggestionsOverdue: rows.reduce((sum, row) => sum + row.overdueSuggestions.length, 0),
      },
    };
    await deps.files.write(`${entry.keyPrefix}.json`, JSON.stringify(files.json, null, 2), 'json');
    await deps.files.write(`${entry.keyPrefix}.csv`, files.csv, 'csv');
    await deps.files.write(`${entry.keyPrefix}.html`, files.html, 'html');
    await deps.index.put(entry);
    return { id: entry.id };
  };

  const units = [
    { id: 'district', run: () => write(DISTRICT, all) },
    ...all.map((row) => ({
      id: `department:${row.departmentId}`,
      run: () => write({ level: 'department', id: row.departmentId, name: row.name }, [row]),
    })),
  ];
  return runCheckpointed({
    job: run.job,
    period: run.period,
    units,
    store: deps.runs,
    now: deps.now,
    ...(deps.progress ? { progress: deps.progress } : {}),
  });
};

/** The last complete ISO week or month before the fire time, in local time. */
export const completedPerformancePeriod = (kind: PerformanceKind, localToday: string): string => {
  if (kind === 'monthly') return addDays(localToday, -1).slice(0, 7);
  return isoWeekOf(addDays(localToday, -7));
};
