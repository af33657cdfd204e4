import { hasAnyRole, type Principal } from '../roles.ts';
import { clientSubmissionForPublic } from './case-client.ts';
import { CASE_OVERSEERS, caseRelationsOf, DEPARTMENT_STAFF } from './case-permissions.ts';
import type { CaseRecord, CaseTimelineEntry } from './case-record.ts';

/**
 * How much of a case's people a reader learns. `reporter`: the reporter reads their own case whole.
 * `staff`: supervisors, admins and the departments it is assigned to keep every id — they act on it.
 * `public`: any other reader, i.e. another deputy reading a public case — they read what was reported
 * and done, not who reported it: no reporter id anywhere (case, lists, timeline, comments, media), a
 * display name only if the reporter allowed it (`showReporterName` at submission), and no actor ids.
 */
export type CaseAudience = 'reporter' | 'staff' | 'public';

export const caseAudienceOf = (principal: Principal, record: CaseRecord): CaseAudience => {
  const relations = caseRelationsOf(principal, record);
  if (relations.has('reporter')) return 'reporter';
  if (hasAnyRole(principal, CASE_OVERSEERS)) return 'staff';
  const assigned = relations.has('leadDepartment') || relations.has('coDepartment');
  return assigned && hasAnyRole(principal, DEPARTMENT_STAFF) ? 'staff' : 'public';
};

/** The case as the audience may read it: the public learn the reporter's name, if allowed, not their id. */
export const caseForAudience = (record: CaseRecord, audience: CaseAudience) => {
  if (audience !== 'public') return record;
  const { reporterId: _id, reporterName, showReporterName, extensionRequest, viaClient, ...rest } = record;
  const shown = {
    ...rest,
    // A client's submitter is a person like any reporter: their contact is the staff's to read.
    ...(viaClient === undefined ? {} : { viaClient: clientSubmissionForPublic(viaClient) }),
    // Who asked for the extension is the department's business; what was asked is not secret.
    ...(extensionRequest === undefined ? {} : { extensionRequest: withoutRequester(extensionRequest) }),
  };
  return showReporterName === true && reporterName !== undefined ? { ...shown, reporterName } : shown;
};

const withoutRequester = ({ requestedBy: _by, ...request }: NonNullable<CaseRecord['extensionRequest']>) =>
  request;

/**
 * Timeline entries as the audience may read them. The public read every step, with the role that took
 * it and whether it was the reporter's (`byReporter`), but no person's id; `details` of case steps
 * name departments, deadlines and cases, never a person.
 */
export type ShownTimelineEntry = Omit<CaseTimelineEntry, 'actorId'> & { actorId?: string; byReporter?: true };

export const timelineForAudience = (
  entries: CaseTimelineEntry[],
  record: CaseRecord,
  audience: CaseAudience,
): ShownTimelineEntry[] =>
  audience !== 'public'
    ? entries
    : entries.map(({ actorId, ...entry }) =>
        actorId === record.reporterId ? { ...entry, byReporter: true } : entry,
      );

/**
 * A comment as the audience may read it: the public see their own comments' author id only; the
 * reporter's comments are marked `byReporter`.
 */
export const commentForAudience = <C extends { authorId: string }>(
  comment: C,
  record: CaseRecord,
  audience: CaseAudience,
  reader: Principal,
) => {
  if (audience !== 'public' || comment.authorId === reader.userId) return comment;
  const { authorId, ...rest } = comment;
  return authorId === record.reporterId ? { ...rest, byReporter: true } : rest;
};

/**
 * A filter by reporter answers only readers who may know the reporter: otherwise it would tell
 * another deputy whose public cases these are.
 */
export const reporterFilterAllowed = (principal: Principal, record: CaseRecord): boolean =>
  caseAudienceOf(principal, record) !== 'public';
