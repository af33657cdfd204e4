import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import {
  caseIndexKeys,
  caseSideWrites,
  nearbyOpenCasePartitions,
} from '../../shared/adapters/dynamodb/case-index.ts';
import { DynamoWorkflowStore } from '../../shared/adapters/dynamodb/workflow-store.ts';
import type { Clock } from '../../shared/config/clock.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { reworkWorkingDays, tableName, timeZone } from '../../shared/config/env.ts';
import { addDays, localTimeToInstant } from '../../shared/domain/calendar/local-date.ts';
import { provisionalMarkOf, provisionalNote } from '../../shared/domain/calendar/provisional-deadline.ts';
import { seesPossibleDuplicates } from '../../shared/domain/cases/case-duplicates.ts';
import { isCaseOverdue } from '../../shared/domain/cases/case-listing.ts';
import { allowedCaseActions, type CaseEnv } from '../../shared/domain/cases/case-machine.ts';
import { canViewCase } from '../../shared/domain/cases/case-permissions.ts';
import { caseAudienceOf, caseForAudience } from '../../shared/domain/cases/case-privacy.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../shared/domain/cases/case-record.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import type { Principal } from '../../shared/domain/roles.ts';
import { liveWorkingCalendar } from '../calendar/live-calendar.ts';

/** Wiring shared by the case functions: store, clock, calendar, visibility. */
export const caseStore = () =>
  new DynamoWorkflowStore<CaseRecord, CaseTimelineEntry>(getDocumentClient(), tableName('workflow'), 'CASE');

export { caseIndexKeys };

/**
 * What every write of a case must carry besides the record and entry: its index keys and its
 * listing snapshots (case-index.ts). Any code that updates a case should pass these, or the
 * listings keep showing the previous version.
 */
export const caseWriteOptions = (
  previous: CaseRecord | undefined,
  next: CaseRecord,
  entry?: CaseTimelineEntry,
) => ({ index: caseIndexKeys(next), side: caseSideWrites(previous, next, entry) });

export const clock: Clock = systemClock;

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

/**
 * The open cases listed near a case: the nine geohash cells around it hold every candidate within
 * 50 m (a precision-7 cell is wider than that); `possibleDuplicates` decides by haversine.
 */
export const nearbyOpenCases = async (
  store: ReturnType<typeof caseStore>,
  record: CaseRecord,
): Promise<CaseRecord[]> => {
  const candidates: CaseRecord[] = [];
  if (!record.location) return candidates;
  for (const partition of nearbyOpenCasePartitions(record.categoryId, record.location)) {
    let cursor: string | undefined;
    do {
      const page = await store.list({ index: 'gsi2', partition, limit: 100, ...(cursor ? { cursor } : {}) });
      candidates.push(...page.items);
      cursor = page.cursor;
    } while (cursor !== undefined);
  }
  return candidates;
};

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
  ...deadlineNote(record),
});

/** A provisional deadline is shown with the reason it may still move. */
const deadlineNote = (record: CaseRecord) => {
  const mark = record.deadline === undefined ? undefined : provisionalMarkOf(record);
  return mark === undefined ? {} : { provisionalNote: provisionalNote(mark, timeZone()) };
};

/**
 * A query bound as an instant: an ISO instant as given, a local date as the start of that day in
 * the deployment zone (`end`: the start of the next day, so `to=2026-03-31` includes the 31st).
 */
export const boundInstant = (value: string, end: boolean): Date => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(value);
  return localTimeToInstant(end ? addDays(value, 1) : value, 0, timeZone());
};
