import { getEscalationsRoute } from '../../shared/contracts/reports.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import { hasAnyRole } from '../../shared/domain/roles.ts';
import type { ReviewDue } from '../../shared/domain/workflow/escalation-candidates.ts';
import type { EscalatedItem } from '../../shared/domain/workflow/escalation-job.ts';
import { httpHandler } from '../middleware/http.ts';
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

export const handler = httpHandler(getEscalationsRoute, async ({ principal }) => {
  const [latest] = (await index.list({ kind: 'escalations', limit: 1 })).items;
  const body = latest ? await files.read(`${latest.keyPrefix}.json`) : undefined;
  if (body === undefined) throw new NotFoundError('尚无督办记录 (the escalation job has not run yet)');
  const report = JSON.parse(body) as EscalationsFile;
  if (hasAnyRole(principal, ['supervisor', 'admin'])) return report;
  // A department head sees what is escalated in their own department, and not the district's books.
  return {
    period: report.period,
    generatedAt: report.generatedAt,
    escalated: report.escalated.filter(
      (item) => item.unitId !== undefined && item.unitId === principal.departmentId,
    ),
  };
});
