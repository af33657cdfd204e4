import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { DynamoRecalculationStore } from '../../shared/adapters/dynamodb/carbon/recalculation-store.ts';
import { DynamoJobRunStore } from '../../shared/adapters/dynamodb/job-run-store.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { ingestTelemetry } from '../../shared/application/carbon/ingest-message.ts';
import {
  type RecalculationDeps,
  runRecalculation,
} from '../../shared/application/carbon/recalculation-run.ts';
import { ENV } from '../../shared/config/env.ts';
import type { FactorLibrary } from '../../shared/domain/carbon/accounting/factors.ts';
import { newRecalculation } from '../../shared/domain/carbon/rollups/recalculation-requests.ts';
import type { RecalculationStore } from '../../shared/ports/recalculation-store.ts';
import { defaultAccounting } from '../support/accounting.ts';
import { SOUTH_2023, southCorrected } from '../support/corrected-library.ts';
import { directIngestDeps } from '../support/ingest-deps.ts';
import { PROJECT_ROOT, startTestStack, type TestStack } from '../support/local-stack.ts';
import { publishAs } from '../support/telemetry-client.ts';
import { expectSigFigs } from '../unit/carbon/accounting/sig-figs.ts';

/**
 * Recalculation after a factor correction (issue 13): through the admin API and the job, and by the
 * domain run with a corrected library as a deployment would ship it — exactly once, resumable, and
 * safe beside the ingest writing the same hours. Figures are read back from the rollups and the API.
 */
let t: TestStack;
const TZ = 'Asia/Shanghai';
const carbon = () => localTableName('carbon');
type Handler = (event: unknown, context: unknown) => Promise<{ recalculation?: { id: string } }>;
let runJob: (event: Record<string, unknown>) => ReturnType<Handler>;

beforeAll(async () => {
  t = await startTestStack();
  const module = (await import('../../functions/carbon/jobs/recalculate.ts')) as { handler: Handler };
  runJob = (event) =>
    module.handler(
      { job: 'recalculate', scheduledTime: new Date().toISOString(), ...event },
      { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 },
    );
});
afterAll(async () => {
  await t?.close();
});

const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}) => {
  const response = await t.api(path, {
    method: init.method ?? 'GET',
    token: t.stack.users.admin.token,
    ...(init.body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
};

const item = async (pk: string, sk: string) =>
  (await t.dynamo.send(new GetCommand({ TableName: carbon(), Key: { pk, sk } }))).Item ?? {};
const mg = (value: unknown) => Number(value ?? 0);

const directDeps = (library: FactorLibrary, store?: RecalculationStore): RecalculationDeps => ({
  store: store ?? new DynamoRecalculationStore(t.dynamo, carbon()),
  registry: new DynamoRegistryStore(t.dynamo, localTableName('registry')),
  runs: new DynamoJobRunStore(t.dynamo, localTableName('jobs')),
  library,
  accounting: defaultAccounting(),
  timeZone: TZ,
  now: () => new Date(),
});

const queued = async (level: 'enterprise' | 'city', id: string, period: string, reason: string) => {
  const record = newRecalculation(
    { scope: { level, id }, period, reason, accounting: 'as-logged', requestedBy: 'test' },
    `recalc-test-${period}-${Math.random().toString(36).slice(2, 8)}`,
    new Date(),
    TZ,
  );
  await new DynamoRecalculationStore(t.dynamo, carbon()).create(record);
  return record;
};

/** `count` electricity readings of `kwh` on MTR-0001, one message each, in local hours 10.. of a day. */
const electricity = (day: string, count: number, kwh: number, tag: string) =>
  Array.from({ length: count }, (_, i) => ({
    messageId: `${tag}-${i}`,
    readings: [
      {
        ts: `${day}T${String(2 + (i % 4)).padStart(2, '0')}:${String(i * 3).padStart(2, '0')}:00Z`,
        quantity: kwh,
      },
    ],
  }));

/** A store that forwards every call (tests replace one method to stage a race or a crash). */
const delegate = (real: RecalculationStore): RecalculationStore => ({
  create: (r) => real.create(r),
  get: (id) => real.get(id),
  listRecent: (n) => real.listRecent(n),
  claim: (id, now, until) => real.claim(id, now, until),
  update: (id, fields) => real.update(id, fields),
  readMeterDay: (meter, day) => real.readMeterDay(meter, day),
  applyCorrection: (c) => real.applyCorrection(c),
  putUnit: (id, unit) => real.putUnit(id, unit),
  listUnits: (id) => real.listUnits(id),
});

interface View {
  status: string;
  progress: { done: number; total: number | null };
  before: { co2eT: number; tce: number };
  after: { co2eT: number; tce: number };
  difference: { co2eT: number; co2eMarketT: number; tce: number };
  hours: { changed: number; unchanged: number; skipped: Record<string, number> };
  factorRefs: { before: string[]; after: string[] };
  byMeter: { meterId: string; difference: { co2eT: number } }[];
}

describe('restating a month through the admin API and the job', () => {
  it('recomputes ENT-0001’s February, ingested under the IPCC method, under today’s GB/T method', async () => {
    // Prepare: 1 000 L of diesel (MTR-0003) and 500 kWh (MTR-0001) on 2026-02-10, accounted as IPCC (AR5)
    process.env[ENV.accountingMethod] = 'ipcc-2006';
    try {
      await publishAs(t, 'MTR-0003', [
        { messageId: 'feb-d', readings: [{ ts: '2026-02-10T02:00:00Z', quantity: 1000 }] },
      ]);
      await publishAs(t, 'MTR-0001', [
        { messageId: 'feb-e', readings: [{ ts: '2026-02-10T02:00:00Z', quantity: 500 }] },
      ]);
    } finally {
      delete process.env[ENV.accountingMethod];
    }
    const ipcc = mg((await item(rollupPk('enterprise', 'ENT-0001', 'month'), '2026-02')).co2e_mg);

    // Act: an admin asks; the job (the schedule's next tick) runs it
    const asked = await api<{ id: string; status: string }>('/recalculations', {
      method: 'POST',
      body: {
        level: 'enterprise',
        id: 'ENT-0001',
        period: '2026-02',
        reason: '改按 GB/T 32150 核算',
        accounting: 'current',
      },
    });
    expect(asked.status).toBe(202);
    expect(asked.body.status).toBe('queued');
    const again = await api('/recalculations', {
      method: 'POST',
      body: { level: 'enterprise', id: 'ENT-0001', period: '2026-02', reason: 'twice' },
    });
    expect(again.status).toBe(409);
    await runJob({});

    // Assess: diesel loses its CH4 and N2O: 0.0352945 TJ × (3 kg × 28 + 0.6 kg × 265) / 1000 = 0.0085766 t;
    // electricity is CO2 only under both methods and stays as it was
    const view = (await api<View>(`/recalculations/${asked.body.id}`)).body;
    expect(view.status).toBe('succeeded');
    expect(view.progress.done).toBe(view.progress.total);
    expectSigFigs(view.difference.co2eT, -0.0085766);
    expect(view.difference.tce).toBe(0);
    expect(view.hours).toMatchObject({ changed: 1, unchanged: 1 });
    expect(view.byMeter.find((m) => m.meterId === 'MTR-0003')?.difference.co2eT).toBeCloseTo(-0.0085766, 6);
    const month = await item(rollupPk('enterprise', 'ENT-0001', 'month'), '2026-02');
    expect(mg(month.co2e_mg)).toBe(ipcc - 8_576_571);
    // 1 000 L at GB/T: 0.0352945 TJ × 20.2 × 0.98 × 44/12 = 2.561865 t; 500 kWh × 0.4042 = 0.2021 t
    expectSigFigs(mg(month.co2e_mg) / 1e9, 2.561865 + 0.2021);
    expect(month.g_CH4_mg ?? 0).toBe(0);
  });

  it('a later as-logged recalculation by hand (npm run job) keeps the restatement: nothing changes back', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(
      'npx',
      [
        'tsx',
        'infra/local/run-job.ts',
        'recalculate',
        '--enterprise',
        'ENT-0001',
        '--period',
        '2026-02',
        '--dynamodb',
        t.stack.urls.dynamodb,
        '--s3',
        t.stack.urls.s3,
      ],
      { cwd: PROJECT_ROOT },
    );
    // The job's answer is the JSON object the command prints last.
    const result = JSON.parse(stdout.slice(stdout.lastIndexOf('\n{\n') + 1)) as { recalculation: View };

    expect(result.recalculation.status).toBe('succeeded');
    expect(result.recalculation.difference).toEqual({ co2eT: 0, co2eMarketT: 0, tce: 0 });
    expect(result.recalculation.hours).toMatchObject({ changed: 0, unchanged: 2 });
  });
});

describe('a factor correction (a new version deployed)', () => {
  it('moves every level by MWh × (0.4100 − 0.4042), names the new version, and the trace shows both figures', async () => {
    // Prepare: 4 readings of 250 kWh on MTR-0001 (ENT-0001) in the local hours 10–13 of 2026-03-02
    await publishAs(t, 'MTR-0001', electricity('2026-03-02', 4, 250, 'mar'));
    const cityBefore = mg((await item(rollupPk('city', 'city', 'month'), '2026-03')).co2e_mg);
    const record = await queued('city', 'city', '2026-03', `${SOUTH_2023} v2`);

    // Act: the run with the corrected library
    await runRecalculation(directDeps(southCorrected()), record);

    // Assess: 1 MWh × 0.0058 = 0.0058 t more at the meter, enterprise, industry and city
    expect(mg((await item(rollupPk('city', 'city', 'month'), '2026-03')).co2e_mg) - cityBefore).toBe(
      5_800_000,
    );
    const hour = await item(rollupPk('meter', 'MTR-0001', 'hour'), '2026-03-02T10');
    expect(mg(hour.co2e_mg)).toBe(102_500_000); // 0.25 MWh × 0.41 t
    expect([...(hour.factorRefs as Set<string>)]).toContainEqual(
      expect.stringMatching(new RegExp(`^${SOUTH_2023}@2#`)),
    );
    const view = (await api<View>(`/recalculations/${record.id}`)).body;
    expect(view.difference.co2eT).toBe(0.0058);
    expect(view.factorRefs.after).toContainEqual(expect.stringMatching(new RegExp(`^${SOUTH_2023}@2#`)));
    expect(view.factorRefs.before).toContainEqual(expect.stringMatching(new RegExp(`^${SOUTH_2023}@1#`)));

    // The trace: the figure as it is now, the batch replayed as it was made (v1, 0.4042), and the line
    // of the recalculation with both figures
    const trace = await api<{
      figure: { co2eT: number };
      enterprises: { enterpriseId: string; handle: string }[];
      batches: {
        handle?: string;
        explanation: {
          replayed: boolean;
          factors: { role: string; record: { value: number; version: number } }[];
          parts: { matchesStored: boolean }[];
        };
      }[];
      recalculations: {
        id: string;
        before: { co2eT: number };
        after: { co2eT: number };
        factorRefs: string[];
      }[];
      recalculationRuns: { id: string }[];
    }>('/emissions/trace?level=meter&id=MTR-0001&period=2026-03-02T10');
    expect(trace.body.figure.co2eT).toBe(0.1025);
    expect(trace.body.enterprises).toEqual([
      expect.objectContaining({
        enterpriseId: 'ENT-0001',
        handle: expect.stringMatching(/enterprise\.ENT-0001$/),
      }),
    ]);
    const [batch] = trace.body.batches;
    expect(batch?.handle).toMatch(/^88\.118\.8\/batch\.MTR-0001_/);
    expect(batch?.explanation.replayed).toBe(true);
    expect(batch?.explanation.parts.every((p) => p.matchesStored)).toBe(true);
    expect(batch?.explanation.factors.find((f) => f.role === 'grid')?.record).toMatchObject({
      value: 0.4042,
      version: 1,
    });
    expect(trace.body.recalculations).toEqual([
      expect.objectContaining({
        id: record.id,
        before: expect.objectContaining({ co2eT: 0.10105 }),
        after: expect.objectContaining({ co2eT: 0.1025 }),
      }),
    ]);
    expect(trace.body.recalculationRuns.map((r) => r.id)).toContain(record.id);
  });

  it('counts nothing twice when the ingest writes late readings into the same hours during the run', async () => {
    // Prepare: 8 messages over the local hours 10–13 of 2026-04-01
    await publishAs(t, 'MTR-0001', electricity('2026-04-01', 8, 100, 'apr'));
    const record = await queued('enterprise', 'ENT-0001', '2026-04', 'correction under load');
    const library = southCorrected();
    const ingest = directIngestDeps(t, { library });
    const late = electricity('2026-04-01', 16, 10, 'apr-late')
      .slice(8)
      .map((m) => ({
        ...m,
        meterId: 'MTR-0001',
        clientId: 'MTR-0001',
        receivedAt: Date.now(),
      }));

    // Act: the recalculation and 8 late messages (10 kWh each, corrected library) at the same time
    await Promise.all([
      runRecalculation(directDeps(library), record),
      ...late.map((event) => ingestTelemetry(event, ingest)),
    ]);

    // Assess: every hour holds its readings at 0.41 t/MWh exactly: 2 × 100 kWh + 2 × 10 kWh = 0.22 MWh
    for (const hh of ['10', '11', '12', '13']) {
      const hour = await item(rollupPk('meter', 'MTR-0001', 'hour'), `2026-04-01T${hh}`);
      expect(mg(hour.co2e_mg), hh).toBe(90_200_000);
    }
    const day = await item(rollupPk('enterprise', 'ENT-0001', 'day'), '2026-04-01');
    expect(mg(day.co2e_mg)).toBe(4 * 90_200_000);
  });

  it('reads an hour again when the ingest wrote it between the read and the write (lv)', async () => {
    // Prepare: one hour of 2026-06-02 (10:00 local), 200 kWh
    await publishAs(t, 'MTR-0001', [
      { messageId: 'jun-1', readings: [{ ts: '2026-06-02T02:00:00Z', quantity: 200 }] },
    ]);
    const record = await queued('enterprise', 'ENT-0001', '2026-06', 'race');
    const real = new DynamoRecalculationStore(t.dynamo, carbon());
    // An ingest still on the old library (a container not yet replaced by the deployment).
    const ingest = directIngestDeps(t);
    const outcomes: string[] = [];
    let raced = false;
    const racing: RecalculationStore = {
      ...delegate(real),
      applyCorrection: async (c) => {
        if (!raced) {
          raced = true; // a late reading of the same hour commits after the run read the hour
          const late = { messageId: 'jun-late', readings: [{ ts: '2026-06-02T02:30:00Z', quantity: 50 }] };
          await ingestTelemetry(
            { ...late, meterId: 'MTR-0001', clientId: 'MTR-0001', receivedAt: Date.now() },
            ingest,
          );
        }
        const outcome = await real.applyCorrection(c);
        outcomes.push(outcome);
        return outcome;
      },
    };

    await runRecalculation(directDeps(southCorrected(), racing), record);

    // Assess: the first write was refused, the hour read again and the late reading corrected too:
    // 0.25 MWh × 0.41 = 0.1025 t exactly (without the guard: 0.2 × 0.41 + 0.05 × 0.4042 = 0.10221 t)
    expect(outcomes).toEqual(['changed', 'applied']);
    expect(mg((await item(rollupPk('meter', 'MTR-0001', 'hour'), '2026-06-02T10')).co2e_mg)).toBe(
      102_500_000,
    );
    expect(mg((await item(rollupPk('city', 'city', 'hour'), '2026-06-02T10')).co2e_mg)).toBe(102_500_000);
  });

  it('resumes after a crash part way, correcting each hour once', async () => {
    // Prepare: six hours of 2026-05-03 (10–13 and two readings in 10 again)
    await publishAs(t, 'MTR-0001', electricity('2026-05-03', 6, 500, 'may'));
    const record = await queued('enterprise', 'ENT-0001', '2026-05', 'resume');
    const real = new DynamoRecalculationStore(t.dynamo, carbon());
    let writes = 0;
    const crashing: RecalculationStore = {
      ...delegate(real),
      applyCorrection: async (c) => {
        writes += 1;
        if (writes > 2) throw new Error('the function timed out');
        return real.applyCorrection(c);
      },
    };

    // Act: the first run dies after two hours; the next one resumes
    await expect(runRecalculation(directDeps(southCorrected(), crashing), record)).rejects.toThrow(
      /timed out/,
    );
    const interrupted = await real.get(record.id);
    expect(interrupted).toMatchObject({ status: 'queued', attempts: 1 });
    await runRecalculation(directDeps(southCorrected()), interrupted ?? record);

    // Assess: 3 000 kWh × 0.41 = 1.23 t, each hour corrected once (3 MWh × 0.0058 = 0.0174 t in all)
    const month = await item(rollupPk('meter', 'MTR-0001', 'month'), '2026-05');
    expect(mg(month.co2e_mg)).toBe(1_230_000_000);
    const view = (await api<View>(`/recalculations/${record.id}`)).body;
    expect(view).toMatchObject({ status: 'succeeded', hours: { changed: 4 } });
    expect(view.difference.co2eT).toBe(0.0174);
  });
});

describe('who may recalculate', () => {
  it('is for admins; an unknown enterprise is 404 and a month not yet begun 422', async () => {
    const post = (token: string, body: unknown) =>
      t.api('/recalculations', {
        method: 'POST',
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const body = { level: 'enterprise', id: 'ENT-0001', period: '2026-01', reason: 'x' };
    expect((await post(t.stack.users.supervisor.token, body)).status).toBe(403);
    expect((await post(t.stack.users.admin.token, { ...body, id: 'ENT-9999' })).status).toBe(404);
    expect((await post(t.stack.users.admin.token, { ...body, period: '2099-01' })).status).toBe(422);
    expect((await api('/recalculations/recalc-none')).status).toBe(404);
  });
});
