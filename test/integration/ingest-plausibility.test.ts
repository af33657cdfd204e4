import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { addDays } from '../../shared/domain/calendar/local-date.ts';
import { localPeriodsOf } from '../../shared/domain/carbon/rollups/rollup-model.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { emissionsOf, publishAs, quarantinedOn } from '../support/telemetry-client.ts';

/**
 * Issue 13: a meter's unit is no longer taken on trust. Each reading is judged against the meter's
 * plausible quantity per hour — its registered capacity, or 100 × its recent median — and one that
 * exceeds it is quarantined by itself as `implausible`, naming the limit, while the rest of its
 * message applies; an admin replays it after review with an explicit override.
 */
let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.close();
});

const today = () => new Date().toISOString().slice(0, 10);
const admin = () => t.stack.users.admin.token;
const replay = (id: string, query = '') =>
  t.api(`/quarantine/${encodeURIComponent(id)}/replay${query}`, { method: 'POST', token: admin() });

describe('plausible limits per meter', () => {
  it('quarantines a reading above the registered capacity by itself; an admin replays it with an override', async () => {
    // Prepare: MTR-0008 (110 kV substation, MWh) may measure at most 20 MWh an hour
    const meter = (await (await t.api('/meters/MTR-0008', { token: admin() })).json()) as { version: number };
    const patched = await t.api('/meters/MTR-0008', {
      method: 'PATCH',
      token: admin(),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: meter.version, maxPerHour: 20 }),
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ maxPerHour: 20 });

    // Act: 5 MWh, then 1 250 kWh sent as MWh (the unit mistake of the issue, scaled to this meter)
    await publishAs(t, 'MTR-0008', [
      {
        messageId: 'cap-1',
        readings: [
          { ts: '2026-07-01T02:00:00Z', quantity: 5 },
          { ts: '2026-07-01T02:15:00Z', quantity: 125 },
        ],
      },
    ]);

    // Assess: the 5 MWh counted; the 125 MWh quarantined alone, naming its index and the limit
    const hour = { level: 'meter', id: 'MTR-0008', period: '2026-07-01T10', granularity: 'hour' };
    expect((await emissionsOf(t, 'supervisor', hour)).totals).toMatchObject({
      readings: 1,
      quantities: { electricity: { value: 5_000, unit: 'kWh' } },
    });
    const [entry] = (await quarantinedOn(t, today())).filter((e) => e.messageId === 'cap-1');
    expect(entry).toMatchObject({ reason: 'implausible', readingIndex: 1, receipts: 1 });
    expect(entry?.issues[0]).toMatchObject({ path: '/readings/1/quantity' });
    expect(entry?.issues[0]?.message).toContain('20 MWh/小时');

    // Act: a replay without review is still refused; with the override it applies, once
    const refused = await replay(entry?.id ?? '');
    const accepted = await replay(entry?.id ?? '', '?override=implausible');
    const again = await replay(entry?.id ?? '', '?override=implausible');

    // Assess
    expect(refused.status).toBe(422);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ outcome: 'applied' });
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });
    expect((await emissionsOf(t, 'supervisor', hour)).totals).toMatchObject({
      readings: 2,
      quantities: { electricity: { value: 130_000, unit: 'kWh' } },
    });
    const listed = (await quarantinedOn(t, today())).find((e) => e.id === entry?.id);
    expect(listed).toMatchObject({ replayOverride: 'implausible' });
  });

  it('without a capacity, judges a reading against 100 × the median of the meter’s recent days', async () => {
    // Prepare: MTR-0006 (purchased steam, GJ) used 48 GJ a day on each of the last 10 local days
    const carbon = localTableName('carbon');
    const local = localPeriodsOf(new Date());
    for (let back = 1; back <= 10; back += 1)
      await t.dynamo.send(
        new PutCommand({
          TableName: carbon,
          Item: {
            pk: rollupPk('meter', 'MTR-0006', 'day'),
            sk: addDays(local.day, -back),
            'qc_steam-heat': 48 * 1e6,
            readings: 96,
          },
        }),
      );
    const hourAgo = new Date(Date.now() - 3_600_000);

    // Act: 2 GJ in a quarter hour, then 5 000 GJ (below the absolute 50 000 GJ/h, far above 200 GJ/h)
    await publishAs(t, 'MTR-0006', [
      {
        messageId: 'hist-1',
        readings: [
          { ts: hourAgo.toISOString(), quantity: 2 },
          { ts: new Date(hourAgo.getTime() + 60_000).toISOString(), quantity: 5_000 },
        ],
      },
    ]);

    // Assess
    const [entry] = (await quarantinedOn(t, today())).filter((e) => e.messageId === 'hist-1');
    expect(entry).toMatchObject({ reason: 'implausible', readingIndex: 1 });
    expect(entry?.issues[0]?.message).toContain('200 GJ/小时');
    const hour = localPeriodsOf(hourAgo).hour;
    const meter = await emissionsOf(t, 'supervisor', {
      level: 'meter',
      id: 'MTR-0006',
      period: hour,
      granularity: 'hour',
    });
    expect(meter.totals.quantities['steam-heat']).toEqual({ value: 2, unit: 'GJ' });
  });
});
