import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { tableName } from '../../shared/config/env.ts';
import { getDepartmentIndicatorsRoute } from '../../shared/contracts/case-indicators.ts';
import {
  computeDepartmentIndicators,
  departmentIndicatorCases,
  emptyDepartmentIndicators,
} from '../../shared/domain/cases/case-indicators.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../shared/domain/cases/case-record.ts';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../shared/domain/errors.ts';
import { hasAnyRole } from '../../shared/domain/roles.ts';
import type { RegistryReader } from '../../shared/ports/registry-store.ts';
import { freshWorkingCalendar } from '../calendar/live-calendar.ts';
import { httpHandler } from '../middleware/http.ts';
import { boundInstant, caseEnv, caseStore, clock } from './case-context.ts';

const store = caseStore();
const registry: RegistryReader = new DynamoRegistryStore(getDocumentClient(), tableName('registry'));
const env = caseEnv();

/** A period longer than this is a report, not a dashboard query. */
const MAX_RANGE_DAYS = 400;
const DAY_MS = 86_400_000;
const READ_CONCURRENCY = 16;

/**
 * Indicators of the cases dispatched to the department (as lead) in [from, to): the dispatch facts
 * index names them, then each case's whole timeline is replayed (case-indicators.ts), so a case
 * dispatched in the period counts with everything that happened to it since, up to now. With
 * `?cases=true` the answer also names the cases behind each figure, for the console's drill-down.
 */
export const handler = httpHandler(getDepartmentIndicatorsRoute, async ({ params, query, principal }) => {
  await freshWorkingCalendar();
  const departmentId = params.id;
  const overseer = hasAnyRole(principal, ['supervisor', 'admin']);
  if (!overseer && principal.departmentId !== departmentId) {
    throw new ForbiddenError(
      '部门负责人只能查看本部门的指标 (a head may read the indicators of their own department only)',
    );
  }
  if ((await registry.getDepartment(departmentId)) === undefined) {
    throw new NotFoundError(`部门不存在 (department ${departmentId} not found)`);
  }
  const from = boundInstant(query.from, false);
  const to = boundInstant(query.to, true);
  checkRange(from, to);

  const ids = await store.dispatchedTo(departmentId, [from.toISOString(), to.toISOString()]);

  const cases: CaseRecord[] = [];
  const timelines = new Map<string, CaseTimelineEntry[]>();
  // A few reads at a time: a year of a busy department is hundreds of cases.
  const pending = [...ids];
  while (pending.length > 0) {
    await Promise.all(
      pending.splice(0, READ_CONCURRENCY).map(async (id) => {
        const [record, timeline] = await Promise.all([store.get(id), store.timeline(id)]);
        if (!record) return;
        cases.push(record);
        timelines.set(id, timeline);
      }),
    );
  }
  const now = clock();
  const all = computeDepartmentIndicators(cases, timelines, now, env.calendar);
  const mine =
    all.find((indicators) => indicators.departmentId === departmentId) ??
    emptyDepartmentIndicators(departmentId);
  const caseIds =
    query.cases === true
      ? { caseIds: departmentIndicatorCases(departmentId, cases, timelines, now, env.calendar) }
      : {};
  return { ...mine, from: from.toISOString(), to: to.toISOString(), ...caseIds };
});

const checkRange = (from: Date, to: Date): void => {
  if (to.getTime() <= from.getTime()) {
    throw new UnprocessableError('统计区间为空 (the period is empty)', [
      { path: '/query/to', message: '须晚于 from (must be after from)' },
    ]);
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new UnprocessableError(
      `统计区间最长 ${MAX_RANGE_DAYS} 天 (the period may be at most ${MAX_RANGE_DAYS} days)`,
      [
        {
          path: '/query/to',
          message: `至多在 from 之后 ${MAX_RANGE_DAYS} 天 (at most ${MAX_RANGE_DAYS} days after from)`,
        },
      ],
    );
  }
};
