import type { listAlertsRoute } from '../../../../shared/contracts/carbon/budgets.ts';
import type { getCaseRoute } from '../../../../shared/contracts/cases.ts';
import type { ResponseOf } from '../../shared/api-types.ts';

// From the contracts directly (not ./api.ts), so this stays free of the DOM and unit-testable.
type CarbonAlert = ResponseOf<typeof listAlertsRoute>['items'][number];
type CaseView = Pick<ResponseOf<typeof getCaseRoute>, 'id' | 'title' | 'description'>;

/**
 * The automatic case a budget breach opened. Since the anomaly scan records it, the alert carries the
 * case's id (`caseId`) and the console links by it. Alerts whose case was opened before ids were
 * recorded have none: for those only, the console still finds the case among the ones the system
 * registered (reporter `system:anomaly-scan`, category 其他), whose text names the enterprise's id
 * and the period (shared/application/carbon/breach-case.ts), `编号 ENT-0001）2026-11`, and whose
 * title says which budget (碳排放 or 能耗). Only breaches open cases; offline and anomaly alerts don't.
 */
export const SYSTEM_REPORTER = 'system:anomaly-scan';

const opensCase = (alert: CarbonAlert) => alert.kind === 'budgetBreach' && alert.level === 'enterprise';

/** True when some breach has no `caseId`: only then is the text fallback worth its reads. */
export const needsTextFallback = (alerts: readonly CarbonAlert[]): boolean =>
  alerts.some((alert) => opensCase(alert) && alert.caseId === undefined);

/** The case to link: by the alert's `caseId`, else (older alerts) by the case's text. */
export const caseOfAlert = (
  alert: CarbonAlert,
  cases: readonly CaseView[],
): { id: string; title: string } | undefined => {
  if (!opensCase(alert)) return undefined;
  if (alert.caseId !== undefined)
    return { id: alert.caseId, title: cases.find((c) => c.id === alert.caseId)?.title ?? alert.message };
  const what = alert.metric === 'tce' ? '能耗超预算' : '碳排放超预算';
  return cases.find(
    (c) => c.title.startsWith(what) && c.description.includes(`编号 ${alert.targetId}）${alert.period} `),
  );
};
