import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoCaseStore } from '../../shared/adapters/dynamodb/case-store.ts';
import { reworkWorkingDays, tableName, timeZone } from '../../shared/config/env.ts';
import { addDays, localTimeToInstant } from '../../shared/domain/calendar/local-date.ts';
import { seesPossibleDuplicates } from '../../shared/domain/cases/case-duplicates.ts';
import { isCaseOverdue } from '../../shared/domain/cases/case-listing.ts';
import { allowedCaseActions, type CaseEnv } from '../../shared/domain/cases/case-machine.ts';
import { canViewCase } from '../../shared/domain/cases/case-permissions.ts';
import { caseAudienceOf, caseForAudience } from '../../shared/domain/cases/case-privacy.ts';
import type { CaseRecord } from '../../shared/domain/cases/case-record.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import type { CaseStore } from '../../shared/ports/case-store.ts';
import { liveWorkingCalendar } from '../calendar/live-calendar.ts';
import { clock, loadVisibleRecord, provisionalDateNote } from '../workflow/record-context.ts';

/** Wiring shared by the case functions: store, clock, calendar, visibility. */
export const caseStore = (): CaseStore => new DynamoCaseStore(getDocumentClient(), tableName('workflow'));

export { clock };

export const caseEnv = (): CaseEnv => {
  const reworkDays = reworkWorkingDays();
  return {
    calendar: liveWorkingCalendar(),
    ...(reworkDays === undefined ? {} : { reworkPeriod: { amount: reworkDays, unit: 'workingDays' } }),
  };
};

let viewEnv: CaseEnv | undefined;
/** Built on first use: the calendar a view needs to tell which actions are open now. */
const caseViewEnv = (): CaseEnv => {
  viewEnv ??= caseEnv();
  return viewEnv;
};

export { nearbyOpenCases } from '../../shared/application/cases/nearby-cases.ts';

/** Reads a case the principal may see; one it may not see is reported as absent (404). */
export const loadVisibleCase = (store: CaseStore, id: string, principal: Principal): Promise<CaseRecord> =>
  loadVisibleRecord(store, id, principal, canViewCase, `案件不存在 (case ${id} not found)`);

/**
 * The case as a caller sees it: with the actions open to them and whether it is overdue now. The
 * duplicate candidates found at submission are for the staff who accept cases only; other deputies
 * reading a public case do not learn who reported it (case-privacy.ts).
 */
export const caseView = ({ possibleDuplicates, ...record }: CaseRecord, principal: Principal, now: Date) => ({
  ...caseForAudience(record, caseAudienceOf(principal, record)),
  ...(possibleDuplicates && seesPossibleDuplicates(principal) ? { possibleDuplicates } : {}),
  allowedActions: allowedCaseActions(principal, record, { at: now, env: caseViewEnv() }),
  overdue: isCaseOverdue(record, now),
  ...provisionalDateNote(record, record.deadline, timeZone()),
});

/**
 * A query bound as an instant: an ISO instant as given, a local date as the start of that day in
 * the deployment zone (`end`: the start of the next day, so `to=2026-03-31` includes the 31st).
 */
export const boundInstant = (value: string, end: boolean): Date => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(value);
  return localTimeToInstant(end ? addDays(value, 1) : value, 0, timeZone());
};
