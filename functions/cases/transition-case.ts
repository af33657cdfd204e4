import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { tableName } from '../../shared/config/env.ts';
import { transitionCaseRoute } from '../../shared/contracts/cases.ts';
import { checkDuplicateOriginal, linkDuplicate } from '../../shared/domain/cases/case-duplicates.ts';
import { applyCaseTransition } from '../../shared/domain/cases/case-machine.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../shared/domain/cases/case-record.ts';
import { type FieldError, UnprocessableError } from '../../shared/domain/errors.ts';
import type { RegistryReader } from '../../shared/ports/registry-store.ts';
import { freshWorkingCalendar } from '../calendar/live-calendar.ts';
import { citeMedia } from '../media/media-citations.ts';
import { httpHandler } from '../middleware/http.ts';
import { expectedVersion } from '../middleware/if-match.ts';
import { caseEnv, caseStore, caseView, caseWriteOptions, clock, loadVisibleCase } from './case-context.ts';

const store = caseStore();
const registry: RegistryReader = new DynamoRegistryStore(getDocumentClient(), tableName('registry'));
const env = caseEnv();

export const handler = httpHandler(transitionCaseRoute, async ({ params, body, principal, headers }) => {
  await freshWorkingCalendar();
  const current = await loadVisibleCase(store, params.id, principal);
  const expected = expectedVersion(body.version, headers['if-match']);
  const at = clock();
  // The machine answers who may act (403), then the version read and the state (409), then data.
  const { record, entry } = applyCaseTransition(
    current,
    {
      action: body.action,
      principal,
      payload: body.payload,
      at,
      ...(expected === undefined ? {} : { expectedVersion: expected }),
    },
    env,
  );
  if (entry.action === 'dispatch') await checkDepartmentsExist(record);
  // Evidence: completed uploads of the actor or their department, attached to nothing yet (so a
  // reopened case cannot take its old evidence again), attached to this round in the same write.
  const claims = await citeMedia(principal, entry.mediaIds, '/body/payload/mediaIds', {
    kind: 'case',
    id: record.id,
    part: 'evidence',
    seq: entry.seq,
    round: record.reworkCount,
    by: principal.userId,
    at: entry.at,
  });
  const linked = entry.action === 'markDuplicate' ? [await originalLinkedTo(record, entry)] : [];
  await store.update(record, entry, { ...caseWriteOptions(current, record, entry), linked, claims });
  return caseView(record, principal, at);
});

/** The original named by a duplicate, with the back-link written in the same transaction. */
const originalLinkedTo = async (duplicate: CaseRecord, marking: CaseTimelineEntry) => {
  const originalId = duplicate.duplicateOf ?? '';
  const original = await store.get(originalId);
  checkDuplicateOriginal(originalId, original);
  const linked = linkDuplicate(original, marking, duplicate.id);
  return { ...linked, ...caseWriteOptions(original, linked.record, linked.entry) };
};

/** A case dispatched to a department the registry does not know would be held by no one. */
const checkDepartmentsExist = async (record: CaseRecord): Promise<void> => {
  const wanted = [
    { path: '/body/payload/leadDepartmentId', id: record.leadDepartmentId },
    ...record.coDepartmentIds.map((id, i) => ({ path: `/body/payload/coDepartmentIds/${i}`, id })),
  ];
  const errors: FieldError[] = [];
  for (const { path, id } of wanted) {
    if (id === undefined || (await registry.getDepartment(id)) === undefined) {
      errors.push({
        path,
        message: `部门 ${id ?? '（未填写）'} 不存在 (department ${id ?? '(none)'} does not exist)`,
      });
    }
  }
  if (errors.length > 0) {
    throw new UnprocessableError('派遣的部门不存在 (the department to dispatch to does not exist)', errors);
  }
};
