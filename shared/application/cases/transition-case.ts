import { checkDuplicateOriginal, linkDuplicate } from '../../domain/cases/case-duplicates.ts';
import type { CaseEnv } from '../../domain/cases/case-env.ts';
import { applyCaseTransition } from '../../domain/cases/case-machine.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../domain/cases/case-record.ts';
import type { Principal } from '../../domain/roles.ts';
import type { CaseStore } from '../../ports/case-store.ts';
import type { Step } from '../../ports/workflow-store.ts';
import { requireKnownDepartments } from '../workflow/department-check.ts';
import type { CiteMedia, DepartmentExists } from '../workflow/workflow-ports.ts';

export interface TransitionCasePorts {
  cases: CaseStore;
  citeMedia: CiteMedia;
  departmentExists: DepartmentExists;
  env: CaseEnv;
}

export interface TransitionCaseInput {
  /** As the caller may see it (loadVisibleCase): a case it may not see is 404 before this. */
  current: CaseRecord;
  action: string;
  principal: Principal;
  payload: unknown;
  at: Date;
  /** The version the caller read (body `version` or If-Match): another one is 409. */
  expectedVersion?: number;
}

/**
 * One action on a case. The machine answers who may act (403), then the version read and the state
 * (409), then the payload (400/422); a dispatch must name departments the registry knows (422 per
 * field); evidence files are claimed in the step's write; marking a duplicate also records the
 * back-link on the original, in the same write. The store's version condition settles a race that
 * got past the read.
 */
export const transitionCase = async (
  ports: TransitionCasePorts,
  input: TransitionCaseInput,
): Promise<CaseRecord> => {
  const { current, principal, at } = input;
  const { record, entry } = applyCaseTransition(
    current,
    {
      action: input.action,
      principal,
      payload: input.payload,
      at,
      ...(input.expectedVersion === undefined ? {} : { expectedVersion: input.expectedVersion }),
    },
    ports.env,
  );
  if (entry.action === 'dispatch') {
    await requireKnownDepartments(
      ports.departmentExists,
      [
        { path: '/body/payload/leadDepartmentId', id: record.leadDepartmentId },
        ...record.coDepartmentIds.map((id, i) => ({ path: `/body/payload/coDepartmentIds/${i}`, id })),
      ],
      '派遣的部门不存在 (the department to dispatch to does not exist)',
    );
  }
  // Evidence: completed uploads of the actor or their department, attached to nothing yet (so a
  // reopened case cannot take its old evidence again), attached to this round in the same write.
  const claims = await ports.citeMedia(principal, entry.mediaIds, '/body/payload/mediaIds', {
    kind: 'case',
    id: record.id,
    part: 'evidence',
    seq: entry.seq,
    round: record.reworkCount,
    by: principal.userId,
    at: entry.at,
  });
  const linked = entry.action === 'markDuplicate' ? [await originalLinkedTo(ports.cases, record, entry)] : [];
  await ports.cases.update({ before: current, record, entry }, { linked, claims });
  return record;
};

/** The original named by a duplicate, with the back-link written in the same transaction. */
const originalLinkedTo = async (
  cases: CaseStore,
  duplicate: CaseRecord,
  marking: CaseTimelineEntry,
): Promise<Step<CaseRecord, CaseTimelineEntry>> => {
  const originalId = duplicate.duplicateOf ?? '';
  const original = await cases.get(originalId);
  checkDuplicateOriginal(originalId, original);
  return { before: original, ...linkDuplicate(original, marking, duplicate.id) };
};
