import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { transitionCase } from '../../shared/application/cases/transition-case.ts';
import { tableName } from '../../shared/config/env.ts';
import { transitionCaseRoute } from '../../shared/contracts/cases.ts';
import { freshWorkingCalendar } from '../calendar/live-calendar.ts';
import { citeMedia } from '../media/media-citations.ts';
import { httpHandler } from '../middleware/http.ts';
import { expectedVersion } from '../middleware/if-match.ts';
import { caseEnv, caseStore, caseView, clock, loadVisibleCase } from './case-context.ts';

const cases = caseStore();
const registry = new DynamoRegistryStore(getDocumentClient(), tableName('registry'));
const ports = {
  cases,
  citeMedia,
  departmentExists: async (id: string) => (await registry.getDepartment(id)) !== undefined,
  env: caseEnv(),
};

/** Parse → `transitionCase` (shared/application/cases) → the case as the caller sees it. */
export const handler = httpHandler(transitionCaseRoute, async ({ params, body, principal, headers }) => {
  await freshWorkingCalendar();
  const current = await loadVisibleCase(cases, params.id, principal);
  const expected = expectedVersion(body.version, headers['if-match']);
  const at = clock();
  const record = await transitionCase(ports, {
    current,
    action: body.action,
    principal,
    payload: body.payload,
    at,
    ...(expected === undefined ? {} : { expectedVersion: expected }),
  });
  return caseView(record, principal, at);
});
