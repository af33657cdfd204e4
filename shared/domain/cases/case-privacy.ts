import { roleLabelOf } from '../role-labels.ts';
import { hasAnyRole, type Principal } from '../roles.ts';
import { clientSubmissionForPublic } from './case-client.ts';
import { CASE_OVERSEERS, caseRelationsOf, DEPARTMENT_STAFF } from './case-permissions.ts';
import type { CaseRecord, CaseTimelineEntry } from './case-record.ts';

/**
 * How much of a case's people a reader learns. `reporter`: the reporter reads their own case whole,
 * with the staff's ids, but not the ids of other deputies who commented on it (a role label instead).
 * `staff`: supervisors, admins and the departments it is assigned to keep every id — they act on it.
 * `public`: any other reader, i.e. another deputy reading a public case — they read what was reported
 * and done, not who reported it: no reporter id anywhere (case, lists, timeline, comments, media), a
 * display name only if the reporter allowed it (`showReporterName` at submission), and no person's id
 * but their own. So a deputy never reads another deputy's id on a case (docs/media-access.md).
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
 * Whether this reader may read the id of a person who acted (or commented) in `role`: the staff read
 * every id; everyone reads their own; the reporter also reads the staff's — the people handling
 * their case — but not another deputy's; the public read no one else's.
 */
const idShown = (personId: string, role: string | undefined, audience: CaseAudience, reader: Principal) =>
  audience === 'staff' || personId === reader.userId || (audience === 'reporter' && role !== 'deputy');

/** What replaces a withheld id: the role as a label, and whether it was the reporter. */
const withheld = (personId: string, role: string | undefined, record: CaseRecord) => {
  const label = roleLabelOf(role);
  return {
    ...(personId === record.reporterId ? { byReporter: true as const } : {}),
    ...(label === undefined ? {} : { label }),
  };
};

/**
 * Timeline entries as the audience may read them: every step, with the role that took it; a withheld
 * actor id becomes the role's label (`actorLabel`) and, for the reporter's own steps, `byReporter`.
 * `details` of case steps name departments, deadlines and cases, never a person.
 */
export type ShownTimelineEntry = Omit<CaseTimelineEntry, 'actorId'> & {
  actorId?: string;
  actorLabel?: string;
  byReporter?: true;
};

export const timelineForAudience = (
  entries: CaseTimelineEntry[],
  record: CaseRecord,
  audience: CaseAudience,
  reader: Principal,
): ShownTimelineEntry[] =>
  audience === 'staff'
    ? entries
    : entries.map(({ actorId, ...entry }) => {
        if (idShown(actorId, entry.actorRole, audience, reader)) return { ...entry, actorId };
        const { label, ...mark } = withheld(actorId, entry.actorRole, record);
        return { ...entry, ...mark, ...(label === undefined ? {} : { actorLabel: label }) };
      });

/**
 * A comment as the audience may read it, by the same rule: a withheld author id becomes the role's
 * label (`authorLabel`) and, on the reporter's comments, `byReporter`.
 */
export const commentForAudience = <C extends { authorId: string; authorRole?: string }>(
  comment: C,
  record: CaseRecord,
  audience: CaseAudience,
  reader: Principal,
) => {
  if (idShown(comment.authorId, comment.authorRole, audience, reader)) return comment;
  const { authorId, ...rest } = comment;
  const { label, ...mark } = withheld(authorId, comment.authorRole, record);
  return { ...rest, ...mark, ...(label === undefined ? {} : { authorLabel: label }) };
};

/**
 * A filter by reporter answers only readers who may know the reporter: otherwise it would tell
 * another deputy whose public cases these are.
 */
export const reporterFilterAllowed = (principal: Principal, record: CaseRecord): boolean =>
  caseAudienceOf(principal, record) !== 'public';
