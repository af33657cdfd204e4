import { ForbiddenError, ValidationError } from '../errors.ts';
import type { Principal, Role } from '../roles.ts';
import { toFieldErrors } from '../workflow/apply-transition.ts';
import { SYSTEM_ACTOR_ROLE } from '../workflow/timeline.ts';
import { type ClientSubmission, clientReporterId } from './case-client.ts';
import { submitCasePayloadSchema } from './case-payloads.ts';
import type { CaseRecord, CaseTimelineEntry } from './case-record.ts';

/** Deputies report; staff may also register a case they were told about, as its reporter. */
const REPORTERS: readonly Role[] = ['deputy', 'supervisor', 'admin'];

export interface SubmitCaseRequest {
  /** Chosen by the caller (e.g. a ULID), so a retried request can be made idempotent. */
  id: string;
  principal: Principal;
  payload: unknown;
  at: Date;
  /** The reporter's display name, kept only when the payload allows showing it. */
  reporterName?: string;
  /**
   * Reported through an API client (Open311): the client is the reporter, recorded under the
   * `system` role — it is no person, and holds none of our roles (case-client.ts).
   */
  viaClient?: ClientSubmission;
}

/** Creates a case in state `submitted` (version 1) with the first timeline entry. */
export const submitCase = ({ id, principal, payload, at, reporterName, viaClient }: SubmitCaseRequest) => {
  const actorRole = viaClient ? SYSTEM_ACTOR_ROLE : principal.roles.find((role) => REPORTERS.includes(role));
  if (!actorRole) {
    throw new ForbiddenError(
      '只有人大代表和人大工作人员可以提交案件 (only deputies and People’s Congress staff can submit cases)',
    );
  }
  const parsed = submitCasePayloadSchema().safeParse(payload ?? {});
  if (!parsed.success)
    throw new ValidationError('案件数据无效 (invalid case submission)', toFieldErrors(parsed.error));
  const input = parsed.data;
  const reporterId = viaClient ? clientReporterId(viaClient.clientId) : principal.userId;
  const record: CaseRecord = {
    id,
    version: 1,
    state: 'submitted',
    categoryId: input.categoryId,
    reporterId,
    isPublic: input.isPublic,
    ...(input.showReporterName ? { showReporterName: true } : {}),
    ...(input.showReporterName && reporterName !== undefined ? { reporterName } : {}),
    title: input.title,
    description: input.description,
    ...(input.location ? { location: input.location } : {}),
    mediaIds: input.mediaIds,
    submittedAt: at.toISOString(),
    coDepartmentIds: [],
    approvedExtensionCount: 0,
    reworkCount: 0,
    rectificationMediaIds: [],
    ...(viaClient ? { viaClient } : {}),
  };
  const entry: CaseTimelineEntry = {
    seq: 1,
    at: record.submittedAt,
    actorId: reporterId,
    actorRole,
    action: 'submit',
    from: null,
    to: 'submitted',
    mediaIds: input.mediaIds,
    details: { categoryId: input.categoryId },
  };
  return { record, entry };
};
