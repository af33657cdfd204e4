import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoWorkflowStore } from '../../shared/adapters/dynamodb/workflow-store.ts';
import type { Clock } from '../../shared/config/clock.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { tableName, timeZone } from '../../shared/config/env.ts';
import { defaultWorkingCalendar } from '../../shared/domain/calendar/working-calendar.ts';
import { isOverdue } from '../../shared/domain/calendar/working-time.ts';
import { allowedCaseActions, type CaseEnv } from '../../shared/domain/cases/case-machine.ts';
import { canViewCase } from '../../shared/domain/cases/case-permissions.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../shared/domain/cases/case-record.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import type { Principal } from '../../shared/domain/roles.ts';

/** Wiring shared by the case functions: store, clock, calendar, visibility. */
export const caseStore = () =>
  new DynamoWorkflowStore<CaseRecord, CaseTimelineEntry>(getDocumentClient(), tableName('workflow'), 'CASE');

export const clock: Clock = systemClock;

export const caseEnv = (): CaseEnv => ({ calendar: defaultWorkingCalendar({ timeZone: timeZone() }) });

/** Reads a case the principal may see; one it may not see is reported as absent (404). */
export const loadVisibleCase = async (
  store: ReturnType<typeof caseStore>,
  id: string,
  principal: Principal,
): Promise<CaseRecord> => {
  const record = await store.get(id);
  if (!record || !canViewCase(principal, record))
    throw new NotFoundError(`案件不存在 (case ${id} not found)`);
  return record;
};

/** The case as a caller sees it: with the actions open to them and whether it is overdue now. */
export const caseView = (record: CaseRecord, principal: Principal, now: Date) => ({
  ...record,
  allowedActions: allowedCaseActions(principal, record),
  overdue: isOverdue(record.deadline, now),
});
