import type { CaseView, ConsoleApi } from '../api.ts';
import { loadAll } from '../lib/load-all.ts';
import type { CarbonAlert } from './api.ts';

/**
 * The automatic case a budget breach opened. The alert does not carry the case's id, so the console
 * finds it among the cases the system registered (reporter `system:anomaly-scan`, category 其他):
 * their text names the enterprise's id and the period (shared/domain/emissions/breach-case.ts),
 * `编号 ENT-0001）2026-11`, and the title says which budget (碳排放 or 能耗).
 */
export const SYSTEM_REPORTER = 'system:anomaly-scan';

export const loadSystemCases = async (api: ConsoleApi): Promise<CaseView[]> =>
  (
    await loadAll(
      (cursor) => api.listCases({ reporter: SYSTEM_REPORTER, category: 'other', limit: 100, cursor }),
      500,
    )
  ).items;

export const caseOfAlert = (alert: CarbonAlert, cases: readonly CaseView[]): CaseView | undefined => {
  if (alert.kind !== 'budgetBreach' || alert.level !== 'enterprise') return undefined;
  const what = alert.metric === 'tce' ? '能耗超预算' : '碳排放超预算';
  return cases.find(
    (c) => c.title.startsWith(what) && c.description.includes(`编号 ${alert.targetId}）${alert.period} `),
  );
};
