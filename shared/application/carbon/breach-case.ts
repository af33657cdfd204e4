import { formatLocalDateTime } from '../../domain/calendar/local-time-text.ts';
import { METRIC_LABELS, METRIC_UNITS } from '../../domain/carbon/budgets/budget-model.ts';
import type { CaseEnv } from '../../domain/cases/case-env.ts';
import { applyCaseTransition } from '../../domain/cases/case-machine.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../domain/cases/case-record.ts';
import { submitCase } from '../../domain/cases/submit-case.ts';
import { ConflictError } from '../../domain/errors.ts';
import type { EnterpriseRecord } from '../../domain/registry/records.ts';
import type { Principal } from '../../domain/roles.ts';
import { SYSTEM_ACTOR_ROLE } from '../../domain/workflow/timeline.ts';
import type { AlertCaseLinker } from '../../ports/alert-writer.ts';
import type { AlertRecord } from '../../ports/carbon-read-store.ts';
import type { WorkflowStore } from '../../ports/workflow-store.ts';

/**
 * A budget breach opens one case for the environment department (生态环境局), automatically.
 * "Once" is held by a side item `AUTOCASE#<alert pk>#<alert sk>` written with the case in the same
 * transaction on condition that it is new: a second run clashes and opens nothing.
 *
 * The system registers the case the way People's Congress staff register one they were told about
 * (submit, accept, dispatch), so the case machine checks it as a supervisor under its own user id and
 * the case domain needs no special path; its timeline entries are then recorded under the `system`
 * role, as every step no person took is. A crash between those steps is finished by the next run: the side
 * item names the case, and a case the system opened that is still `submitted` or `accepted` is
 * taken on to `dispatched`. A case people have since acted on is left alone.
 *
 * The alert then names its case (`caseId`), written right after the case (the two live in different
 * tables); a run that finds the case opened but the alert not yet naming it writes the id again.
 */

export const ANOMALY_SCAN_ACTOR: Principal = {
  userId: 'system:anomaly-scan',
  username: '系统自动立案 (anomaly scan)',
  roles: ['supervisor'],
};
export const ENVIRONMENT_DEPARTMENT_ID = 'dept-ecology';

export interface BreachCaseDeps {
  cases: WorkflowStore<CaseRecord, CaseTimelineEntry>;
  alerts: AlertCaseLinker;
  env: CaseEnv;
  newId: () => string;
  now: () => Date;
}

export type BreachCaseOutcome = 'opened' | 'resumed' | 'alreadyOpen';

/**
 * One case per alert: the mark names the alert by level, target, kind, budget metric and period
 * (`ALERT#enterprise#E1#budgetBreach#tce#2026-11`). The text is the once-only mark the workflow
 * store keeps; marks stored since automatic cases began read this way, so it must not change.
 */
export const autoCaseKey = (alert: Pick<AlertRecord, 'level' | 'targetId' | 'kind' | 'period' | 'metric'>) =>
  `ALERT#${alert.level}#${alert.targetId}#${alert.kind}#${alert.metric === 'tce' ? 'tce#' : ''}${alert.period}`;

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

export const breachCaseText = (
  alert: AlertRecord,
  enterprise: Pick<EnterpriseRecord, 'id' | 'name' | 'uscc'>,
  timeZone: string,
) => {
  const used = alert.value ?? 0;
  const limit = alert.limit ?? 0;
  const share = limit > 0 ? `，为预算的 ${round((used / limit) * 100, 1)}%` : '';
  const metric = alert.metric ?? 'co2e';
  const what = METRIC_LABELS[metric];
  const unit = METRIC_UNITS[metric];
  return {
    title: `${what}超预算：${enterprise.name} ${alert.period}`,
    description:
      `系统自动立案（碳排放异常扫描）。企业 ${enterprise.name}（统一社会信用代码 ${enterprise.uscc}，` +
      `编号 ${enterprise.id}）${alert.period} ${what}已达 ${round(used)} ${unit}，超出${what}预算 ${limit} ${unit}${share}。` +
      `超预算告警时间 ${formatLocalDateTime(alert.raisedAt, timeZone)}。请生态环境部门核查并督促整改。` +
      (metric === 'tce'
        ? ' (Automatic case: energy budget breach.)'
        : ' (Automatic case: carbon budget breach.)'),
  };
};

export const openBreachCase = async (
  deps: BreachCaseDeps,
  alert: AlertRecord,
  enterprise: Pick<EnterpriseRecord, 'id' | 'name' | 'uscc'>,
): Promise<BreachCaseOutcome> => {
  const key = autoCaseKey(alert);
  const { record, entry: submitted } = submitCase({
    id: deps.newId(),
    principal: ANOMALY_SCAN_ACTOR,
    payload: {
      categoryId: 'other',
      ...breachCaseText(alert, enterprise, deps.env.calendar.timeZone),
      isPublic: false,
    },
    at: deps.now(),
  });
  const entry = asSystemStep(submitted);
  try {
    await deps.cases.create(
      { record, entry },
      { mark: { kind: 'autoCase', key, recordId: record.id, createdAt: record.submittedAt } },
    );
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const earlier = await deps.cases.findMark('autoCase', key);
    const caseId = earlier?.recordId;
    if (caseId !== undefined && alert.caseId !== caseId) await deps.alerts.linkCase(alert, caseId);
    const opened = caseId === undefined ? undefined : await deps.cases.get(caseId);
    if (!opened || !(await dispatchToEnvironment(deps, opened))) return 'alreadyOpen';
    return 'resumed';
  }
  await deps.alerts.linkCase(alert, record.id);
  await dispatchToEnvironment(deps, record);
  return 'opened';
};

const asSystemStep = (entry: CaseTimelineEntry): CaseTimelineEntry => ({
  ...entry,
  actorRole: SYSTEM_ACTOR_ROLE,
});

/** submitted → accepted → dispatched to the environment department; false when there was nothing to do. */
const dispatchToEnvironment = async (deps: BreachCaseDeps, start: CaseRecord): Promise<boolean> => {
  // Version 1 is the submission, 2 the acceptance: anything later means people have acted on it
  // (a department returning it to the dispatcher must not get it back every hour).
  if (start.reporterId !== ANOMALY_SCAN_ACTOR.userId || start.version > 2) return false;
  let record = start;
  let moved = false;
  const step = async (action: 'accept' | 'dispatch', payload: Record<string, unknown>) => {
    const next = applyCaseTransition(
      record,
      { action, principal: ANOMALY_SCAN_ACTOR, payload, at: deps.now() },
      deps.env,
    );
    const entry = asSystemStep(next.entry);
    await deps.cases.update({ before: record, record: next.record, entry });
    record = next.record;
    moved = true;
  };
  if (record.state === 'submitted') await step('accept', { note: '超预算自动立案' });
  if (record.state === 'accepted') {
    await step('dispatch', { leadDepartmentId: ENVIRONMENT_DEPARTMENT_ID, coDepartmentIds: [] });
  }
  return moved;
};
