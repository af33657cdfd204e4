import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seed2026 from '../../shared/data/calendar/years/2026.json' with { type: 'json' };
import {
  addDays,
  dayOfWeek,
  localDateOf,
  localTimeToInstant,
} from '../../shared/domain/calendar/local-date.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { uploadReadyPhoto } from '../support/media-fixtures.ts';

/**
 * The working calendar over HTTP on the local stack, started with NO calendar loaded: every deadline
 * counted now is provisional (Monday–Friday). The admin then loads the years the deadlines reach —
 * made-up documents (a holiday on the first weekday after today, to see the deadline move) — and the
 * open case and suggestion are counted again on the spot. Dates follow the real clock.
 */

let t: TestStack;
type Role = 'deputy' | 'handler' | 'head' | 'supervisor' | 'admin';
// biome-ignore lint/suspicious/noExplicitAny: answers are read as loose JSON, as in the other integration tests
type Json = Record<string, any>;
type Handler = (event: unknown, context: unknown) => Promise<Json>;
let coverageJob: Handler;
const context = { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 300_000 };
const ZONE = 'Asia/Shanghai';

const call = async (
  method: string,
  path: string,
  role: Role,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  const response = await t.api(path, {
    method,
    token: t.stack.users[role].token,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (text ? JSON.parse(text) : {}) as Json,
  };
};
const act = async (kind: 'cases' | 'suggestions', id: string, role: Role, action: string, payload = {}) => {
  const result = await call('POST', `/${kind}/${id}/transitions`, role, { action, payload });
  expect(result.status, `${action}: ${JSON.stringify(result.body)}`).toBe(200);
  return result.body;
};

const isWeekday = (date: string) => ![0, 6].includes(dayOfWeek(date));
/** The local date `n` working days after `start` (the start day not counted), skipping `off`. */
const nthWorkingDayAfter = (start: string, n: number, off: ReadonlySet<string>) => {
  let day = start;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWeekday(day) && !off.has(day)) counted++;
  }
  return day;
};
/** Close of office (18:00 Beijing) on a local date. */
const closeOfOffice = (date: string) => localTimeToInstant(date, 18 * 60, ZONE).toISOString();

/** A made-up year: New Year's Day plus the given single-day holidays of that year. */
const fictionalYear = (year: number, days: readonly string[]) => ({
  year,
  source: {
    title: `测试用 ${year}年 假期安排（虚构）`,
    publishedOn: `${year - 1}-11-01`,
    url: 'https://example.test/calendar',
  },
  holidays: [...new Set([`${year}-01-01`, ...days.filter((day) => day.startsWith(`${year}-`))])]
    .sort()
    .map((day) => ({ name: { zh: '测试假日', en: 'Test holiday' }, from: day, to: day })),
  makeUpWorkdays: [],
});

beforeAll(async () => {
  t = await startTestStack({ seedCalendar: false });
  coverageJob = (
    (await import('../../functions/calendar/check-calendar-coverage.ts')) as { handler: Handler }
  ).handler;
});
afterAll(async () => {
  await t?.close();
});

describe('the working calendar API', () => {
  it('any signed-in user reads the calendar; nothing is loaded yet', async () => {
    const { status, body } = await call('GET', '/calendar/years', 'deputy');
    expect(status).toBe(200);
    expect(body.years).toEqual([]);
    expect(body.coveredThrough).toBeUndefined();
  });

  it('only an admin may load a year', async () => {
    const { status } = await call('PUT', '/calendar/years/2026', 'supervisor', seed2026);
    expect(status).toBe(403);
  });

  it('refuses a bad file with 400 problem+json naming each field in Chinese', async () => {
    const bad = structuredClone(seed2026) as Json;
    bad.makeUpWorkdays[0] = '2026-03-04'; // a Wednesday
    bad.holidays[1].to = '2026-02-01'; // before its start
    bad.holidays[2].name = { zh: '清明节' }; // no English name
    bad.makeupWorkdays = []; // a typo of a field name

    const { status, type, body } = await call('PUT', '/calendar/years/2026', 'admin', bad);

    expect(status).toBe(400);
    expect(type).toMatch(/^application\/problem\+json/);
    const errors = Object.fromEntries(
      (body.errors as { path: string; message: string }[]).map((e) => [e.path, e.message]),
    );
    expect(errors['/body/makeUpWorkdays/0']).toMatch(/周末/);
    expect(errors['/body/holidays/1/to']).toMatch(/早于/);
    expect(errors['/body/holidays/2/name/en']).toMatch(/^缺少英文名称/);
    expect(errors['/body']).toMatch(/未知字段：makeupWorkdays/);
    expect((await call('GET', '/calendar/years/2026', 'admin')).status).toBe(404); // nothing stored
  });
});

describe('provisional deadlines', () => {
  let caseId: string;
  let suggestionId: string;
  let dispatchedOn: string;
  let years: number[];
  let testHoliday: string;

  it('are computed Monday–Friday and marked provisional while the calendar does not cover them', async () => {
    const created = await call('POST', '/cases', 'deputy', {
      categoryId: 'waterPollution', // 5 working days
      title: '河道排污',
      description: '青山河东岸排污口有黑水排出',
      location: { latitude: 30.51, longitude: 114.31 },
      mediaIds: [await uploadReadyPhoto(t, t.stack.users.deputy.token)],
    });
    expect(created.status).toBe(201);
    caseId = created.body.id;
    await act('cases', caseId, 'supervisor', 'accept');
    const dispatched = await act('cases', caseId, 'supervisor', 'dispatch', {
      leadDepartmentId: 'dept-ecology',
    });

    dispatchedOn = localDateOf(new Date(dispatched.dispatchedAt), ZONE);
    expect(dispatched.deadline).toBe(closeOfOffice(nthWorkingDayAfter(dispatchedOn, 5, new Set())));
    expect(dispatched.provisional).toBe(true);
    expect(dispatched.provisionalSince).toBe(
      localTimeToInstant(addDays(dispatchedOn, 1), 0, ZONE).toISOString(),
    );
    expect(dispatched.provisionalNote).toMatch(/^暂定期限/);

    const filed = await call('POST', '/suggestions', 'deputy', {
      title: '关于加强河道排污口监管的建议',
      body: '建议对青山河沿线排污口开展排查并公开整改进度。',
      category: 'pollutionControl',
      attachments: [],
      coSignerIds: [],
    });
    expect(filed.status).toBe(201);
    suggestionId = filed.body.id;
    await act('suggestions', suggestionId, 'supervisor', 'accept');
    const assigned = await act('suggestions', suggestionId, 'supervisor', 'assign', {
      leadUnitId: 'dept-ecology',
    });
    expect(assigned.provisional).toBe(true);
    expect(assigned.provisionalNote).toMatch(/^暂定期限/);

    testHoliday = addDays(dispatchedOn, 1);
    while (!isWeekday(testHoliday)) testHoliday = addDays(testHoliday, 1);
    const last = Number(localDateOf(new Date(assigned.handBackDue), ZONE).slice(0, 4)) + 1; // room for the shift
    years = [];
    for (let year = Number(dispatchedOn.slice(0, 4)); year <= last; year++) years.push(year);
  });

  it('are counted again when the admin loads the years, and lose provisional', async () => {
    const summaries: Json[] = [];
    for (const year of years) {
      const loaded = await call(
        'PUT',
        `/calendar/years/${year}`,
        'admin',
        fictionalYear(year, [testHoliday]),
      );
      expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
      expect(loaded.body).toMatchObject({ year, version: 1, loadedBy: t.stack.users.admin.user.sub });
      summaries.push(loaded.body.recomputed);
    }
    expect(summaries.reduce((sum, s) => sum + s.recomputed, 0)).toBe(2);

    const off = new Set(years.map((year) => `${year}-01-01`).concat(testHoliday));
    const caseNow = (await call('GET', `/cases/${caseId}`, 'supervisor')).body;
    expect(caseNow.deadline).toBe(closeOfOffice(nthWorkingDayAfter(dispatchedOn, 5, off)));
    expect(caseNow.provisional).toBeUndefined();
    expect(caseNow.provisionalNote).toBeUndefined();
    const suggestionNow = (await call('GET', `/suggestions/${suggestionId}`, 'supervisor')).body;
    expect(suggestionNow.handBackDue).toBe(closeOfOffice(nthWorkingDayAfter(dispatchedOn, 7, off)));
    expect(suggestionNow.provisional).toBeUndefined();

    const timeline = (await call('GET', `/cases/${caseId}/timeline`, 'supervisor')).body.entries as Json[];
    expect(timeline.at(-1)).toMatchObject({
      action: 'recomputeDeadline',
      actorId: 'system:calendar',
      actorRole: 'system',
      details: { deadline: caseNow.deadline },
    });
    expect(timeline.at(-1)?.note).toMatch(/北京时间/);
  });

  it('keeps every load as a version: If-Match to replace, 409 without, 422 for a gap', async () => {
    const [year] = years as [number];
    const again = fictionalYear(year, [testHoliday]);
    expect((await call('PUT', `/calendar/years/${year}`, 'admin', again)).status).toBe(409);
    expect((await call('PUT', `/calendar/years/${year}`, 'admin', again, { 'if-match': '"7"' })).status).toBe(
      409,
    );
    const replaced = await call(
      'PUT',
      `/calendar/years/${year}`,
      'admin',
      { ...again, note: '第二版' },
      { 'if-match': '"1"' },
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body.version).toBe(2);
    const gap = await call(
      'PUT',
      `/calendar/years/${(years.at(-1) ?? 0) + 2}`,
      'admin',
      fictionalYear((years.at(-1) ?? 0) + 2, []),
    );
    expect(gap.status).toBe(422);

    const listed = (await call('GET', '/calendar/years', 'handler')).body;
    expect(listed.coveredFrom).toBe(`${year}-01-01`);
    expect(listed.coveredThrough).toBe(`${years.at(-1)}-12-31`);
    expect(listed.years[0].versions.map((v: Json) => [v.version, v.loadedBy])).toEqual([
      [1, t.stack.users.admin.user.sub],
      [2, t.stack.users.admin.user.sub],
    ]);
    const first = await call('GET', `/calendar/years/${year}?version=1`, 'deputy');
    expect(first.body.document.note).toBeUndefined();
    expect((await call('GET', `/calendar/years/${year}`, 'deputy')).body.document.note).toBe('第二版');
  });
});

describe('the calendar running out', () => {
  it('raises one admin alert 60 days before the covered end, however often the job runs', async () => {
    const through = (await call('GET', '/calendar/years', 'admin')).body.coveredThrough as string;
    const at = (daysBefore: number) =>
      localTimeToInstant(addDays(through, -daysBefore), 9 * 60, ZONE).toISOString();
    const run = (daysBefore: number) =>
      coverageJob({ job: 'calendarCoverage', scheduledTime: at(daysBefore) }, context);

    expect(await run(61)).toMatchObject({ daysLeft: 61, alertRaised: false });
    expect(await run(60)).toMatchObject({ daysLeft: 60, alertRaised: true });
    expect(await run(60)).toMatchObject({ alertRaised: false });
    expect(await run(30)).toMatchObject({ daysLeft: 30, alertRaised: false });

    const alerts = (await call('GET', '/alerts?kind=calendarRunningOut', 'admin')).body.items as Json[];
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      level: 'system',
      targetId: 'workingCalendar',
      period: through,
      value: 60,
    });
    expect(alerts[0]?.message).toContain(`${Number(through.slice(0, 4))}年12月31日`);
  });
});
