import type { CreationMark } from '../../ports/workflow-store.ts';
import type { SideItem } from './workflow-layout.ts';

/**
 * Once-only marks beside the records they name (workflow table):
 * - idempotency: `pk IDEMP#{scope}#{userId}#{key}, sk IDEMP`, attributes recordId, bodyHash, createdAt;
 * - automatic case of a breach: `pk AUTOCASE#{alert pk}#{kind}#{period}, sk AUTOCASE`, attributes
 *   caseId, createdAt (breach-case.ts).
 * Both are put on condition that they are new, in the transaction of the record they name.
 */
const SK: Record<CreationMark['kind'], string> = { idempotency: 'IDEMP', autoCase: 'AUTOCASE' };

export const markKeyOf = (kind: CreationMark['kind'], key: string) => ({
  pk: `${SK[kind]}#${key}`,
  sk: SK[kind],
});

export const markItem = (mark: CreationMark): SideItem => ({
  ...markKeyOf(mark.kind, mark.key),
  mustNotExist: true,
  createdAt: mark.createdAt,
  ...(mark.kind === 'autoCase'
    ? { caseId: mark.recordId }
    : { recordId: mark.recordId, ...(mark.bodyHash === undefined ? {} : { bodyHash: mark.bodyHash }) }),
});

export const markOf = (
  kind: CreationMark['kind'],
  key: string,
  item: Record<string, unknown>,
): CreationMark => ({
  kind,
  key,
  recordId: String(item.recordId ?? item.caseId),
  createdAt: String(item.createdAt),
  ...(typeof item.bodyHash === 'string' ? { bodyHash: item.bodyHash } : {}),
});
