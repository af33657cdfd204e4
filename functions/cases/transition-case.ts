import { transitionCaseRoute } from '../../shared/contracts/cases.ts';
import { applyCaseTransition } from '../../shared/domain/cases/case-machine.ts';
import { ConflictError } from '../../shared/domain/errors.ts';
import { httpHandler } from '../middleware/http.ts';
import { caseEnv, caseStore, caseView, clock, loadVisibleCase } from './case-context.ts';

const store = caseStore();
const env = caseEnv();

export const handler = httpHandler(transitionCaseRoute, async ({ params, body, principal, headers }) => {
  const current = await loadVisibleCase(store, params.id, principal);
  const expected = body.version ?? ifMatchVersion(headers['if-match']);
  if (expected !== undefined && expected !== current.version) {
    throw new ConflictError(`案件已被他人更新 (case is at version ${current.version}, not ${expected})`);
  }
  const at = clock();
  const { record, entry } = applyCaseTransition(
    current,
    { action: body.action, principal, payload: body.payload, at },
    env,
  );
  await store.update(record, entry);
  return caseView(record, principal, at);
});

/** `If-Match: "3"` or `If-Match: 3`; anything else (e.g. `*`) sets no expectation. */
const ifMatchVersion = (header: string | undefined): number | undefined => {
  const match = header?.trim().match(/^(?:W\/)?"?(\d+)"?$/);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};
