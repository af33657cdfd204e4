import { addDays } from '../../domain/calendar/local-date.ts';
import { figuresOf } from '../../domain/carbon/rollups/emission-series.ts';
import { CITY_ID } from '../../domain/carbon/rollups/rollup-model.ts';
import type { EnterpriseRecord, MeterRecord } from '../../domain/registry/records.ts';
import { buildCarbonReport, changeRatio, type ReportSubject } from '../../domain/reports/carbon-report.ts';
import {
  type ReportEntry,
  type ReportKind,
  reportId,
  reportKeyPrefix,
} from '../../domain/reports/report-index.ts';
import { type ReportGranularity, reportPeriods } from '../../domain/reports/report-periods.ts';
import type { BudgetStore, RollupReader } from '../../ports/carbon-read-store.ts';
import type { JobRunStore } from '../../ports/job-run-store.ts';
import type { RegistryReader } from '../../ports/registry-store.ts';
import type { ReportFileStore, ReportIndexStore } from '../../ports/report-store.ts';
import { type ProgressSink, runCheckpointed } from '../jobs/run-checkpointed.ts';
import { allEnterprises, allMeters } from '../registry/registry-lists.ts';
import { budgetsWithUse, monthBudgetsOf } from './carbon-report-budgets.ts';

/**
 * The carbon report job: one unit per subject (the city, each industry, each enterprise), each
 * writing its JSON, CSV and HTML and then its index entry. Everything is read from rollups and the
 * registry, so the run costs subjects × periods whatever the number of raw readings.
 */

export interface QuarantineCounter {
  /** Quarantined messages per meter id ('' for messages without a known meter) on these UTC days. */
  countByMeter(utcDays: readonly string[]): Promise<Map<string, number>>;
}

export interface CarbonReportDeps {
  registry: Pick<RegistryReader, 'listEnterprises' | 'listMeters'>;
  rollups: RollupReader;
  budgets: Pick<BudgetStore, 'readBudgets'>;
  quarantine: QuarantineCounter;
  index: ReportIndexStore;
  files: ReportFileStore;
  runs: JobRunStore;
  now: () => Date;
  progress?: ProgressSink;
}

export interface CarbonReportRun {
  job: string;
  granularity: ReportGranularity;
  period: string;
  /** The period's UTC days, for the quarantine count. */
  utcDays: readonly string[];
  /** The deployment's zone: the pages name their generation time in it. */
  timeZone: string;
  topN?: number;
}

const KIND: Record<ReportGranularity, ReportKind> = { day: 'carbon-daily', month: 'carbon-monthly' };

export const runCarbonReports = async (deps: CarbonReportDeps, run: CarbonReportRun) => {
  const { granularity, period } = run;
  const periods = reportPeriods(granularity, period);
  const enterprises = await allEnterprises(deps.registry);
  const meters = await allMeters(deps.registry, { status: 'active' });
  const quarantined = await deps.quarantine.countByMeter(run.utcDays);
  const enterpriseTotals = await deps.rollups.readPeriod(
    'enterprise',
    enterprises.map((e) => e.id),
    granularity,
    period,
  );
  const meterTotals = await deps.rollups.readPeriod(
    'meter',
    meters.map((m) => m.id),
    granularity,
    period,
  );
  const industries = [...new Set(enterprises.map((e) => e.industryCode))].sort();

  const subjects: SubjectScope[] = [
    { subject: { level: 'city', id: CITY_ID, name: '全区 City' }, enterprises, meters },
    ...industries.map((code) => ({
      subject: { level: 'industry' as const, id: code, name: `行业 Industry ${code}` },
      enterprises: enterprises.filter((e) => e.industryCode === code),
      meters: meters.filter((m) => m.industryCode === code),
    })),
    ...enterprises.map((enterprise) => ({
      subject: { level: 'enterprise' as const, id: enterprise.id, name: enterprise.name },
      enterprises: [enterprise],
      meters: meters.filter((m) => m.enterpriseId === enterprise.id),
    })),
  ];

  const context: RunContext = { deps, run, periods, quarantined, enterpriseTotals, meterTotals };
  const units = subjects.map((target) => ({
    id: `${target.subject.level}:${target.subject.id}`,
    run: () => reportOneSubject(context, target),
  }));

  return runCheckpointed({
    job: run.job,
    period,
    units,
    store: deps.runs,
    now: deps.now,
    ...(deps.progress ? { progress: deps.progress } : {}),
  });
};

interface RunContext {
  deps: CarbonReportDeps;
  run: CarbonReportRun;
  periods: ReturnType<typeof reportPeriods>;
  quarantined: Map<string, number>;
  enterpriseTotals: Map<string, Record<string, unknown>>;
  meterTotals: Map<string, Record<string, unknown>>;
}

interface SubjectScope {
  subject: ReportSubject;
  enterprises: EnterpriseRecord[];
  meters: MeterRecord[];
}

const reportOneSubject = async (context: RunContext, target: SubjectScope) => {
  const { deps, run, periods } = context;
  const { granularity, period } = run;
  const { subject } = target;
  const readOne = async (label: string) =>
    figuresOf(
      (await deps.rollups.readPeriod(subject.level, [subject.id], granularity, label)).get(subject.id),
    );
  const [series, current, previous, lastYear, budgets] = await Promise.all([
    deps.rollups.readSeries(
      subject.level,
      subject.id,
      granularity === 'day' ? 'hour' : 'day',
      periods.parts[0] as string,
      periods.parts.at(-1) as string,
    ),
    readOne(periods.period),
    readOne(periods.previous),
    readOne(periods.lastYear),
    monthBudgetsOf(deps, subject, period),
  ]);
  const completeness = completenessOf(context, target);
  const generatedAt = deps.now().toISOString();
  const files = buildCarbonReport({
    kind: granularity === 'day' ? 'daily' : 'monthly',
    subject,
    period,
    previousPeriod: periods.previous,
    lastYearPeriod: periods.lastYear,
    current,
    previous,
    lastYear,
    series: periods.parts.map((part) => {
      const item = series.get(part);
      const figures = item ? figuresOf(item) : undefined;
      return {
        label: part.slice(granularity === 'day' ? 11 : 8),
        value: figures ? figures.co2eT : null,
        tce: figures ? figures.tce : null,
      };
    }),
    ...(await budgetsWithUse(deps, subject, granularity, period, current, budgets)),
    topEmitters: topEmittersOf(context, target),
    completeness,
    generatedAt,
    timeZone: run.timeZone,
  });
  const kind = KIND[granularity];
  const entry: ReportEntry = {
    id: reportId(kind, subject, period),
    kind,
    period,
    subject,
    title: `${subject.name} ${granularity === 'day' ? '碳排放日报' : '碳排放月报'} ${period}`,
    formats: ['json', 'csv', 'html'],
    keyPrefix: reportKeyPrefix({ kind, subject, period }),
    generatedAt,
    headline: {
      co2eT: current.co2eT,
      tce: current.tce,
      changeVsPrevious: changeRatio(current.co2eT, previous.co2eT) ?? null,
      metersOffline: completeness.offlineMeters.length,
    },
  };
  // Files first, index last: a listed report always has its files.
  await deps.files.write(`${entry.keyPrefix}.json`, JSON.stringify(files.json, null, 2), 'json');
  await deps.files.write(`${entry.keyPrefix}.csv`, files.csv, 'csv');
  await deps.files.write(`${entry.keyPrefix}.html`, files.html, 'html');
  await deps.index.put(entry);
  return { id: entry.id, co2eT: current.co2eT, tce: current.tce };
};

const totalsOf = (item: Record<string, unknown> | undefined) => {
  const figures = figuresOf(item);
  return { co2eT: figures.co2eT, tce: figures.tce };
};

/** The city and industries rank their enterprises; an enterprise ranks its meters. */
const topEmittersOf = (context: RunContext, target: SubjectScope) => {
  const ranked =
    target.subject.level === 'enterprise'
      ? target.meters.map((m) => ({ id: m.id, name: m.name, ...totalsOf(context.meterTotals.get(m.id)) }))
      : target.enterprises.map((e) => ({
          id: e.id,
          name: e.name,
          ...totalsOf(context.enterpriseTotals.get(e.id)),
        }));
  return ranked.sort((a, b) => b.co2eT - a.co2eT).slice(0, context.run.topN ?? 10);
};

/** Active meters with no reading in the period count as offline; quarantined messages by meter. */
const completenessOf = (context: RunContext, target: SubjectScope) => {
  const reporting = new Set(
    target.meters.filter((m) => figuresOf(context.meterTotals.get(m.id)).readings > 0).map((m) => m.id),
  );
  const meterIds = new Set(target.meters.map((m) => m.id));
  let quarantined = 0;
  for (const [meterId, count] of context.quarantined) {
    if (target.subject.level === 'city' || meterIds.has(meterId)) quarantined += count;
  }
  return {
    meters: target.meters.length,
    metersReporting: reporting.size,
    offlineMeters: target.meters.filter((m) => !reporting.has(m.id)).map((m) => m.id),
    quarantined,
  };
};

/** The UTC calendar days a local period [start, end) touches (quarantine partitions are by UTC day). */
export const utcDaysOf = (range: { start: Date; end: Date }): string[] => {
  const days: string[] = [];
  const last = new Date(range.end.getTime() - 1).toISOString().slice(0, 10);
  for (let day = range.start.toISOString().slice(0, 10); day <= last; day = addDays(day, 1)) days.push(day);
  return days;
};
