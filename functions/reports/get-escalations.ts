import { systemClock } from '../../shared/config/clock.ts';
import { getEscalationsRoute } from '../../shared/contracts/reports.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import type { ReportEntry } from '../../shared/domain/reports/report-index.ts';
import { hasAnyRole } from '../../shared/domain/roles.ts';
import type { ReviewDue } from '../../shared/domain/workflow/escalation-candidates.ts';
import type { EscalatedItem } from '../../shared/domain/workflow/escalation-job.ts';
import { isFutureInstant } from '../../shared/domain/workflow/escalation-run-mode.ts';
import { httpHandler } from '../middleware/http.ts';
import { escalationsTold } from './escalations-told.ts';
import { reportFiles, reportIndex } from './report-context.ts';

const index = reportIndex();
const files = reportFiles();

interface EscalationsFile {
  period: string;
  generatedAt: string;
  escalated: EscalatedItem[];
  reviewDue?: ReviewDue[];
  reconciliation: Record<string, unknown>;
}

/** Index pages read looking past future-dated runs; each holds a day of hourly runs. */
const PAGES = 5;

/**
 * The newest run that really happened: one judged as of a future instant (which older versions
 * of the job could write, `npm run job -- escalateOverdue --at <future>`) is not the latest run,
 * and is passed over until its hour has come.
 */
const latestRealRun = async (now: Date): Promise<ReportEntry | undefined> => {
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const listed = await index.list({ kind: 'escalations', limit: 24, ...(cursor ? { cursor } : {}) });
    const real = listed.items.find((entry) => !isFutureInstant(new Date(entry.generatedAt), now));
    if (real !== undefined || listed.cursor === undefined) return real;
    cursor = listed.cursor;
  }
  return undefined;
};

export const handler = httpHandler(getEscalationsRoute, async ({ principal }) => {
  const latest = await latestRealRun(systemClock());
  const body = latest ? await files.read(`${latest.keyPrefix}.json`) : undefined;
  if (body === undefined) throw new NotFoundError('尚无督办记录 (the escalation job has not run yet)');
  const report = JSON.parse(body) as EscalationsFile;
  if (hasAnyRole(principal, ['supervisor', 'admin'])) {
    // The stored file also holds the run's own figures (kind, checked, raisedNow): not the answer's.
    return {
      period: report.period,
      generatedAt: report.generatedAt,
      escalated: await escalationsTold(report.escalated),
      ...(report.reviewDue === undefined ? {} : { reviewDue: report.reviewDue }),
      reconciliation: report.reconciliation,
    };
  }
  // A department head sees what is escalated in their own department, and not the district's books.
  return {
    period: report.period,
    generatedAt: report.generatedAt,
    escalated: await escalationsTold(
      report.escalated.filter((item) => item.unitId !== undefined && item.unitId === principal.departmentId),
    ),
  };
});
