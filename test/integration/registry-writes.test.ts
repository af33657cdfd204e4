import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import type {
  Enterprise,
  EnterpriseDetail,
  EnterpriseList,
  Facility,
} from '../../shared/contracts/enterprises.ts';
import type { ResolvedIdentifier } from '../../shared/contracts/identifiers.ts';
import type { Meter, MeterList } from '../../shared/contracts/meters.ts';
import type { Problem } from '../../shared/contracts/problem.ts';
import type { AuditList } from '../../shared/contracts/registry-common.ts';
import { batchHandleOf } from '../../shared/domain/carbon/ingest/message-plan.ts';
import { computeUsccCheckCharacter, USCC_CHARSET } from '../../shared/domain/registry/uscc.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

const token = (role: Role) => stack.stack.users[role].token;

const send = (
  method: string,
  path: string,
  body: unknown,
  role: Role = 'admin',
  headers: Record<string, string> = {},
) =>
  stack.api(path, {
    method,
    token: token(role),
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const get = (path: string, role: Role = 'admin') => stack.api(path, { token: token(role) });

/** 17 characters of a Shenzhen (440300) enterprise code plus its GB 32100 check character. */
const uscc = (serial: string): string => {
  const body = `9144030012345${serial}`;
  return body + computeUsccCheckCharacter(body);
};

const enterprise = (id: string, serial: string) => ({
  id,
  name: `测试企业 ${id}`,
  uscc: uscc(serial),
  industryCode: 'C3311',
  address: '青山区测试路 1 号',
  location: { latitude: 30.6, longitude: 114.3 },
});

describe('POST /enterprises', () => {
  it('registers an enterprise with its handle, version 1 and the canonical codes', async () => {
    const response = await send('POST', '/enterprises', {
      ...enterprise('ENT-T001', '0001'),
      industryCode: '3311',
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Enterprise;
    expect(created).toMatchObject({
      id: 'ENT-T001',
      handle: '88.118.8/enterprise.ENT-T001',
      industryCode: 'C3311', // section letter added from division 33
      status: 'active',
      version: 1,
    });
    expect((await get('/enterprises/ENT-T001')).status).toBe(200);
  });

  it('assigns a ULID-style id when none is given', async () => {
    const { id, ...withoutId } = enterprise('unused', '0002');
    const response = await send('POST', '/enterprises', withoutId);
    expect(response.status).toBe(201);
    const created = (await response.json()) as Enterprise;
    expect(created.id).toMatch(/^ENT-[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(created.handle).toBe(`88.118.8/enterprise.${created.id}`);
  });

  it('answers 422 naming uscc and the expected check character when it is wrong', async () => {
    const valid = uscc('0003');
    const expected = valid.charAt(17);
    const wrong = USCC_CHARSET.charAt((USCC_CHARSET.indexOf(expected) + 1) % USCC_CHARSET.length);
    const response = await send('POST', '/enterprises', {
      ...enterprise('ENT-T003', '0003'),
      uscc: valid.slice(0, 17) + wrong,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as Problem;
    expect(problem.errors).toEqual([
      {
        path: '/body/uscc',
        message: expect.stringContaining(`check character is ${wrong}, expected ${expected}`),
      },
    ]);
    expect((await get('/enterprises/ENT-T003')).status).toBe(404);
  });

  it('answers 422 for an industry code that is not a GB/T 4754 class, 400 for coordinates out of range', async () => {
    const badIndustry = await send('POST', '/enterprises', {
      ...enterprise('ENT-T004', '0004'),
      industryCode: 'A33',
    });
    expect(badIndustry.status).toBe(422);
    expect(((await badIndustry.json()) as Problem).errors?.[0]?.path).toBe('/body/industryCode');
    const badPoint = await send('POST', '/enterprises', {
      ...enterprise('ENT-T004', '0004'),
      location: { latitude: 91, longitude: 114 },
    });
    expect(badPoint.status).toBe(400);
    expect(((await badPoint.json()) as Problem).errors?.map((e) => e.path)).toEqual([
      '/body/location/latitude',
    ]);
  });

  it('answers 409 for a duplicate id, a duplicate USCC and the USCC of a seeded enterprise', async () => {
    expect((await send('POST', '/enterprises', enterprise('ENT-T001', '0005'))).status).toBe(409);
    const sameUscc = await send('POST', '/enterprises', enterprise('ENT-T005', '0001'));
    expect(sameUscc.status).toBe(409);
    expect(((await sameUscc.json()) as Problem).detail).toContain('USCC');
    const seeded = (await (await get('/enterprises/ENT-0001')).json()) as Enterprise;
    expect(
      (await send('POST', '/enterprises', { ...enterprise('ENT-T006', '0006'), uscc: seeded.uscc })).status,
    ).toBe(409);
    // Nothing of the refused attempts was written (one transaction per create).
    expect((await get('/enterprises/ENT-T005')).status).toBe(404);
  });

  it('refuses writes from non-admins and reads from roles other than admin and supervisor', async () => {
    expect((await send('POST', '/enterprises', enterprise('ENT-T007', '0007'), 'supervisor')).status).toBe(
      403,
    );
    expect((await send('PATCH', '/enterprises/ENT-T001', { version: 1, name: 'x' }, 'head')).status).toBe(
      403,
    );
    expect((await get('/enterprises', 'deputy')).status).toBe(403);
    expect((await get('/meters/MTR-0001', 'handler')).status).toBe(403);
    expect((await get('/enterprises', 'supervisor')).status).toBe(200);
  });
});

describe('PATCH /enterprises/{id} and the audit', () => {
  it('updates under the version it was read at, refuses a stale or missing one, and audits each change', async () => {
    const missing = await send('PATCH', '/enterprises/ENT-T001', { name: '新名称' });
    expect(missing.status).toBe(400);
    const updated = await send('PATCH', '/enterprises/ENT-T001', { name: '青山测试一厂' }, 'admin', {
      'if-match': '"1"',
    });
    expect(updated.status).toBe(200);
    expect((await updated.json()) as Enterprise).toMatchObject({ name: '青山测试一厂', version: 2 });
    const stale = await send('PATCH', '/enterprises/ENT-T001', { version: 1, address: '别处' });
    expect(stale.status).toBe(409);

    const audit = (await (await get('/enterprises/ENT-T001/audit')).json()) as AuditList;
    expect(audit.items.map((entry) => [entry.action, entry.version])).toEqual([
      ['enterprise.created', 1],
      ['enterprise.updated', 2],
    ]);
    expect(audit.items[1]).toMatchObject({
      actorId: stack.stack.users.admin.user.sub,
      roles: ['admin'],
      changes: [{ field: 'name', before: '测试企业 ENT-T001', after: '青山测试一厂' }],
    });
    expect((await get('/enterprises/ENT-T001/audit', 'supervisor')).status).toBe(403);
  });
});

describe('GET /enterprises', () => {
  it('walks every enterprise a page at a time without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await (
        await get(
          `/enterprises?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          'supervisor',
        )
      ).json()) as EnterpriseList;
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.cursor;
    } while (cursor !== undefined);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['ENT-0001', 'ENT-0002', 'ENT-T001']));
    expect((await get('/enterprises?cursor=not-a-cursor')).status).toBe(400);
  });
});

const electricityMeter = {
  id: 'MTR-T001',
  enterpriseId: 'ENT-T001',
  facilityId: 'FAC-T001',
  name: '测试进线电表',
  energyType: 'electricity',
  unit: 'kWh',
  readingKind: 'interval',
  gridRegion: 'CN-SOUTH',
  expectedIntervalSeconds: 900,
};

describe('facilities and meters', () => {
  it('registers a facility of an enterprise, 404 for an unknown enterprise', async () => {
    const response = await send('POST', '/enterprises/ENT-T001/facilities', {
      id: 'FAC-T001',
      name: '一号车间',
    });
    expect(response.status).toBe(201);
    expect((await response.json()) as Facility).toMatchObject({
      enterpriseId: 'ENT-T001',
      handle: '88.118.8/facility.FAC-T001',
    });
    expect((await send('POST', '/enterprises/ENT-NONE/facilities', { name: 'x' })).status).toBe(404);
  });

  it('updates a facility under its version, audited under its enterprise; 404 under another enterprise', async () => {
    const path = '/enterprises/ENT-T001/facilities/FAC-T001';
    const location = { latitude: 30.61, longitude: 114.31 };
    const updated = await send('PATCH', path, { name: '一号总装车间', location }, 'admin', {
      'if-match': '"1"',
    });
    expect(updated.status).toBe(200);
    expect((await updated.json()) as Facility).toMatchObject({ name: '一号总装车间', location, version: 2 });
    expect((await send('PATCH', path, { version: 1, name: '迟到的修改' })).status).toBe(409);
    expect((await send('PATCH', path, { version: 2, name: 'x' }, 'supervisor')).status).toBe(403);
    expect((await send('PATCH', '/enterprises/ENT-0001/facilities/FAC-T001', { version: 2 })).status).toBe(
      404,
    );
    const detail = (await (await get('/enterprises/ENT-T001')).json()) as EnterpriseDetail;
    expect(detail.facilities.find((f) => f.id === 'FAC-T001')).toMatchObject({ name: '一号总装车间' });
    const audit = (await (await get('/enterprises/ENT-T001/audit?limit=100')).json()) as AuditList;
    expect(audit.items.at(-1)).toMatchObject({
      action: 'facility.updated',
      subjectId: 'FAC-T001',
      version: 2,
      changes: [
        { field: 'location', after: location },
        { field: 'name', before: '一号车间', after: '一号总装车间' },
      ],
    });
  });

  it('refuses inconsistent meters with 422 naming each field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ gridRegion: undefined }, '/body/gridRegion'],
      [{ unit: 'Nm3' }, '/body/unit'],
      [{ rolloverValue: 1000 }, '/body/rolloverValue'],
      [{ scope: 1 }, '/body/scope'],
      [{ facilityId: 'FAC-0001' }, '/body/facilityId'],
      [
        { energyType: 'natural-gas', unit: 'Nm3', greenPower: true, gridRegion: undefined },
        '/body/greenPower',
      ],
    ];
    for (const [change, path] of cases) {
      const response = await send('POST', '/meters', { ...electricityMeter, id: 'MTR-BAD', ...change });
      expect(response.status, path).toBe(422);
      expect(
        ((await response.json()) as Problem).errors?.map((e) => e.path),
        path,
      ).toEqual([path]);
    }
    expect((await get('/meters/MTR-BAD')).status).toBe(404);
  });

  it('refuses a grid region outside the published list with 400 naming the field in zh-CN (issue 13)', async () => {
    const response = await send('POST', '/meters', {
      ...electricityMeter,
      id: 'MTR-BAD',
      gridRegion: 'CN-SOUHT',
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors).toEqual([
      { path: '/body/gridRegion', message: expect.stringMatching(/^电网区域不在清单内/) },
    ]);
  });

  it('keeps measured parameters on a fuel meter and an enterprise factor programme', async () => {
    const gas = await send('POST', '/meters', {
      ...electricityMeter,
      id: 'MTR-T009',
      enterpriseId: 'ENT-0001',
      facilityId: 'FAC-0001',
      energyType: 'natural-gas',
      unit: 'Nm3',
      gridRegion: undefined,
      measuredParameters: [
        {
          parameter: 'ncv',
          value: 36.2,
          unit: 'MJ/Nm3',
          validFrom: '2025-01-01',
          validTo: '2025-12-31',
          source: '热值检测报告',
        },
      ],
    });
    expect(gas.status).toBe(201);
    expect(((await (await get('/meters/MTR-T009')).json()) as Meter).measuredParameters).toEqual([
      expect.objectContaining({ parameter: 'ncv', value: 36.2, validTo: '2025-12-31' }),
    ]);
    const wrongBasis = await send('PATCH', '/meters/MTR-T009', {
      version: 1,
      measuredParameters: [
        {
          parameter: 'ncv',
          value: 43,
          unit: 'MJ/kg',
          validFrom: '2025-01-01',
          validTo: '2025-12-31',
          source: 'x',
        },
      ],
    });
    expect(wrongBasis.status).toBe(422);
    expect(((await wrongBasis.json()) as Problem).errors?.map((e) => e.path)).toEqual([
      '/body/measuredParameters/0/unit',
    ]);
    const { version } = (await (await get('/enterprises/ENT-0001')).json()) as Enterprise;
    const chosen = await send('PATCH', '/enterprises/ENT-0001', {
      version,
      factorProgramme: 'mee-ets-power',
    });
    expect(chosen.status).toBe(200);
    expect(((await chosen.json()) as Enterprise).factorProgramme).toBe('mee-ets-power');
    const unknown = await send('PATCH', '/enterprises/ENT-0001', {
      version: version + 1,
      factorProgramme: 'cheapest',
    });
    expect(unknown.status).toBe(400);
  });

  it('registers meters that copy the industry, lists them by enterprise, facility and status', async () => {
    const created = await send('POST', '/meters', electricityMeter);
    expect(created.status).toBe(201);
    expect((await created.json()) as Meter).toMatchObject({
      handle: '88.118.8/meter.MTR-T001',
      industryCode: 'C3311',
      scope: 2,
      greenPower: false,
      version: 1,
    });
    const gas = await send('POST', '/meters', {
      ...electricityMeter,
      id: 'MTR-T002',
      energyType: 'natural-gas',
      unit: '10^4Nm3',
      readingKind: 'cumulative',
      rolloverValue: 99_999,
      gridRegion: undefined,
    });
    expect(gas.status).toBe(201);
    expect((await send('POST', '/meters', electricityMeter)).status).toBe(409);

    const retired = await send('PATCH', '/meters/MTR-T002', { version: 1, status: 'retired' });
    expect(retired.status).toBe(200);
    expect((await send('PATCH', '/meters/MTR-T002', { version: 1, name: 'late' })).status).toBe(409);
    expect((await send('PATCH', '/meters/MTR-T002', { version: 2, rolloverValue: -5 })).status).toBe(400);
    expect(
      (await send('PATCH', '/meters/MTR-T001', { version: 1, readingKind: 'cumulative', rolloverValue: 0.5 }))
        .status,
    ).toBe(200);

    const ids = async (query: string) =>
      ((await (await get(`/meters?${query}`, 'supervisor')).json()) as MeterList).items.map((m) => m.id);
    expect(await ids('enterpriseId=ENT-T001')).toEqual(['MTR-T001', 'MTR-T002']);
    expect(await ids('facilityId=FAC-T001&status=retired')).toEqual(['MTR-T002']);
    expect(await ids('enterpriseId=ENT-T001&status=active')).toEqual(['MTR-T001']);
    expect(await ids('facilityId=FAC-0001&enterpriseId=ENT-T001')).toEqual([]);

    const audit = (await (await get('/meters/MTR-T002/audit')).json()) as AuditList;
    expect(audit.items.map((entry) => entry.action)).toEqual(['meter.created', 'meter.updated']);
    expect(audit.items[1]?.changes).toEqual([{ field: 'status', before: 'active', after: 'retired' }]);
  });

  it('shows an enterprise with its facilities and meter summary, and moves the meters with its industry', async () => {
    const detail = (await (await get('/enterprises/ENT-T001', 'supervisor')).json()) as EnterpriseDetail;
    expect(detail.facilities.map((f) => f.id)).toEqual(['FAC-T001']);
    expect(detail.meters).toMatchObject({
      total: 2,
      active: 1,
      byEnergyType: { electricity: 1, 'natural-gas': 1 },
    });

    const current = (await (await get('/enterprises/ENT-T001')).json()) as Enterprise;
    const changed = await send('PATCH', '/enterprises/ENT-T001', {
      version: current.version,
      industryCode: 'C3312',
    });
    expect(changed.status).toBe(200);
    const meter = (await (await get('/meters/MTR-T001')).json()) as Meter;
    expect(meter.industryCode).toBe('C3312');

    const audit = (await (await get('/enterprises/ENT-T001/audit')).json()) as AuditList;
    expect(audit.items.map((entry) => entry.action)).toEqual([
      'enterprise.created',
      'enterprise.updated',
      'facility.created',
      'facility.updated',
      'enterprise.updated',
    ]);
    expect(audit.items[4]?.changes).toEqual([{ field: 'industryCode', before: 'C3311', after: 'C3312' }]);
  });

  it('moves a meter between facilities of its enterprise only, and lets one of two concurrent updates win', async () => {
    expect(
      (await send('POST', '/enterprises/ENT-T001/facilities', { id: 'FAC-T002', name: '二号车间' })).status,
    ).toBe(201);
    const current = (await (await get('/meters/MTR-T001')).json()) as Meter;
    const elsewhere = await send('PATCH', '/meters/MTR-T001', {
      version: current.version,
      facilityId: 'FAC-0001',
    });
    expect(elsewhere.status).toBe(422);
    const moved = await send('PATCH', '/meters/MTR-T001', {
      version: current.version,
      facilityId: 'FAC-T002',
    });
    expect(moved.status).toBe(200);
    const inFacility = (await (await get('/meters?facilityId=FAC-T002')).json()) as MeterList;
    expect(inFacility.items.map((m) => m.id)).toEqual(['MTR-T001']);

    const version = current.version + 1;
    const [a, b] = await Promise.all([
      send('PATCH', '/meters/MTR-T001', { version, name: 'A' }),
      send('PATCH', '/meters/MTR-T001', { version, name: 'B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const audit = (await (await get('/meters/MTR-T001/audit?limit=100')).json()) as AuditList;
    expect(audit.items.filter((entry) => entry.version === version + 1)).toHaveLength(1);
  });

  it('moves the USCC claim when an enterprise changes its code, and refuses a code another one holds', async () => {
    const created = (await (
      await send('POST', '/enterprises', enterprise('ENT-T010', '0010'))
    ).json()) as Enterprise;
    const moved = await send('PATCH', '/enterprises/ENT-T010', {
      version: created.version,
      uscc: uscc('0011'),
    });
    expect(moved.status).toBe(200);
    // The old code is free again; the new one is taken.
    expect((await send('POST', '/enterprises', enterprise('ENT-T012', '0010'))).status).toBe(201);
    expect((await send('POST', '/enterprises', enterprise('ENT-T013', '0011'))).status).toBe(409);
    const taken = await send('PATCH', '/enterprises/ENT-T010', { version: 2, uscc: uscc('0001') });
    expect(taken.status).toBe(409);
    expect(((await (await get('/enterprises/ENT-T010')).json()) as Enterprise).uscc).toBe(uscc('0011'));

    // A closed enterprise takes no new meters.
    expect((await send('PATCH', '/enterprises/ENT-T010', { version: 2, status: 'closed' })).status).toBe(200);
    expect(
      (await send('POST', '/enterprises/ENT-T010/facilities', { id: 'FAC-T010', name: '厂区' })).status,
    ).toBe(201);
    const refused = await send('POST', '/meters', {
      ...electricityMeter,
      id: 'MTR-T010',
      enterpriseId: 'ENT-T010',
      facilityId: 'FAC-T010',
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Problem).errors?.[0]?.path).toBe('/body/enterpriseId');
  });
});

describe('GET /identifiers/{id+}', () => {
  it('resolves a meter handle, slashes and all, with links to its enterprise and facility', async () => {
    const response = await get('/identifiers/88.118.8/meter.MTR-T001', 'supervisor');
    expect(response.status).toBe(200);
    const resolved = (await response.json()) as ResolvedIdentifier;
    expect(resolved).toMatchObject({ handle: '88.118.8/meter.MTR-T001', type: 'meter' });
    expect(resolved.elements[0]).toEqual({ index: 1, type: 'URL', value: '/meters/MTR-T001' });
    expect(resolved.elements).toContainEqual(
      expect.objectContaining({ type: 'ENERGY_TYPE', value: 'electricity' }),
    );
    expect(resolved.links).toEqual([
      { rel: 'enterprise', handle: '88.118.8/enterprise.ENT-T001' },
      { rel: 'facility', handle: '88.118.8/facility.FAC-T002' }, // moved there above
    ]);
    // The slash may also arrive percent-encoded.
    expect((await get('/identifiers/88.118.8%2Fmeter.MTR-T001', 'supervisor')).status).toBe(200);
  });

  it('follows the links: enterprise → facility and meters, facility → enterprise', async () => {
    const enterprise = (await (
      await get('/identifiers/88.118.8/enterprise.ENT-T001')
    ).json()) as ResolvedIdentifier;
    expect(enterprise.type).toBe('enterprise');
    // Meters come in facility order: MTR-T002 is in FAC-T001, MTR-T001 was moved to FAC-T002.
    expect(enterprise.links).toEqual([
      { rel: 'facility', handle: '88.118.8/facility.FAC-T001' },
      { rel: 'facility', handle: '88.118.8/facility.FAC-T002' },
      { rel: 'meter', handle: '88.118.8/meter.MTR-T002' },
      { rel: 'meter', handle: '88.118.8/meter.MTR-T001' },
    ]);
    const facility = (await (
      await get('/identifiers/88.118.8/facility.FAC-T001')
    ).json()) as ResolvedIdentifier;
    expect(facility.links[0]).toEqual({ rel: 'enterprise', handle: '88.118.8/enterprise.ENT-T001' });
    // Seeded facilities predate handles; theirs is derived from the id.
    expect((await get('/identifiers/88.118.8/facility.FAC-0001')).status).toBe(200);
  });

  it('resolves factor versions for every signed-in user, registry handles only for admin and supervisor', async () => {
    const factor = await get('/identifiers/88.118.8/factor.gbt32150_fuel-carbon_natural-gas-v1', 'deputy');
    expect(factor.status).toBe(200);
    const resolved = (await factor.json()) as ResolvedIdentifier;
    expect(resolved.type).toBe('factor');
    expect(resolved.elements).toContainEqual(
      expect.objectContaining({ type: 'FACTOR_ID', value: 'gbt32150.fuel-carbon.natural-gas' }),
    );
    expect((await get('/identifiers/88.118.8/meter.MTR-T001', 'deputy')).status).toBe(403);
    expect((await stack.api('/identifiers/88.118.8/meter.MTR-T001')).status).toBe(401);
  });

  it('resolves a readings batch from the ingest log, linked to its meter and factor versions', async () => {
    const handle = batchHandleOf('88.118.8', { meterId: 'MTR-0001', messageId: 'msg-resolve-1' });
    const entry = (readings: { ts: string; quantity: number }[], co2eT: number) => ({
      messageId: 'msg-resolve-1',
      batchHandle: handle,
      clientId: 'MTR-0001',
      receivedAt: '2026-11-20T02:00:03.000Z',
      readings,
      deltas: [],
      co2eT,
      factorRefs: ['mee-nbs.grid-average.CN-SOUTH.2022@1'],
      gwpSet: 'AR5',
    });
    // One message whose readings straddle two local hours (10 and 11 in Shanghai), as the ingest logs it.
    for (const [hour, readings, co2eT] of [
      ['2026-11-20T10', [{ ts: '2026-11-20T02:45:00.000Z', quantity: 10 }], 0.004],
      ['2026-11-20T11', [{ ts: '2026-11-20T03:00:00.000Z', quantity: 20 }], 0.008],
    ] as const) {
      await stack.dynamo.send(
        new PutCommand({
          TableName: localTableName('carbon'),
          Item: { pk: 'ROLLUP#meter#MTR-0001#hour', sk: hour, batchLog: [entry([...readings], co2eT)] },
        }),
      );
    }
    const response = await get(`/identifiers/${handle}`, 'supervisor');
    expect(response.status).toBe(200);
    const resolved = (await response.json()) as ResolvedIdentifier;
    expect(resolved.type).toBe('batch');
    expect(resolved.elements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'MESSAGE_ID', value: 'msg-resolve-1' }),
        expect.objectContaining({ type: 'READING_COUNT', value: '2' }),
        expect.objectContaining({ type: 'HOURS', value: '2026-11-20T10,2026-11-20T11' }),
        // 0.004 + 0.008 = 0.012 t
        expect.objectContaining({ type: 'CO2E_T', value: String(0.004 + 0.008) }),
      ]),
    );
    expect(resolved.links).toEqual([
      { rel: 'meter', handle: '88.118.8/meter.MTR-0001' },
      { rel: 'factor', handle: '88.118.8/factor.mee-nbs_grid-average_CN-SOUTH_2022-v1' },
    ]);
    expect((await get(`/identifiers/${handle}`, 'deputy')).status).toBe(403);
    const other = batchHandleOf('88.118.8', { meterId: 'MTR-0001', messageId: 'never-sent' });
    expect((await get(`/identifiers/${other}`, 'supervisor')).status).toBe(404);
  });

  it('answers 404 problems for unknown handles, foreign prefixes and unknown kinds', async () => {
    for (const path of [
      '88.118.8/meter.MTR-NONE',
      '88.999.1/meter.MTR-T001',
      '88.118.8/thing.X',
      'not-a-handle',
    ]) {
      const response = await get(`/identifiers/${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toContain('application/problem+json');
    }
  });
});
