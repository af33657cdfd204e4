import { buildEscalationReport } from '../../domain/reports/escalation-report.ts';
import { type ReportEntry, reportId, reportKeyPrefix } from '../../domain/reports/report-index.ts';
import type { ReportFileStore, ReportIndexStore } from '../../ports/report-store.ts';
import type { EscalationOutcome } from './escalate-overdue.ts';

export interface EscalationReportPorts {
  files: ReportFileStore;
  index: ReportIndexStore;
}

const DISTRICT = { level: 'district', id: 'district', name: '全区 District' };

/**
 * The hour's escalation pass and reconciliation as the escalations report: its three files, then
 * its index entry (the entry last, so a listed report always has its files). The same hour again
 * replaces both: a resumed run publishes one report.
 */
export const publishEscalations = async (
  ports: EscalationReportPorts,
  run: { hour: string; now: Date; timeZone: string },
  { pass, reconciliation, reviewDue }: EscalationOutcome,
): Promise<ReportEntry> => {
  const { hour, now } = run;
  const report = buildEscalationReport({
    period: hour,
    generatedAt: now.toISOString(),
    timeZone: run.timeZone,
    reviewDue,
    pass,
    reconciliation,
  });
  const entry: ReportEntry = {
    id: reportId('escalations', DISTRICT, hour),
    kind: 'escalations',
    period: hour,
    subject: DISTRICT,
    title: `督办升级与不漏一件核对 ${hour}`,
    formats: ['json', 'csv', 'html'],
    keyPrefix: reportKeyPrefix({ kind: 'escalations', subject: DISTRICT, period: hour }),
    generatedAt: now.toISOString(),
    headline: {
      escalated: pass.escalated.length,
      raisedNow: pass.raised,
      suspendedDueForReview: reviewDue.length,
      casesBalanced: reconciliation.cases.balanced ? 'yes' : 'no',
      suggestionsBalanced: reconciliation.suggestions.balanced ? 'yes' : 'no',
    },
  };
  await ports.files.write(`${entry.keyPrefix}.json`, JSON.stringify(report.json, null, 2), 'json');
  await ports.files.write(`${entry.keyPrefix}.csv`, report.csv, 'csv');
  await ports.files.write(`${entry.keyPrefix}.html`, report.html, 'html');
  await ports.index.put(entry);
  return entry;
};
