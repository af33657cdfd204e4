import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  type MeterOfflineAlert,
  meterOfflineAlertFor,
  type OfflineCheckedMeter,
  parseSilenceFactor,
  scanOfflineMeters,
} from '../../../../shared/domain/carbon/anomalies/meter-offline.ts';

const meter = (over: Partial<OfflineCheckedMeter> = {}): OfflineCheckedMeter => ({
  id: 'MTR-0001',
  name: '总进线电表',
  enterpriseId: 'ENT-0001',
  expectedIntervalSeconds: 900,
  createdAt: '2026-11-01T00:00:00.000Z',
  status: 'active',
  ...over,
});

describe('meterOfflineAlertFor', () => {
  const last = '2026-11-29T01:00:00.000Z';

  it('judges an account meter by its monthly files: late once the month after next has ended', () => {
    const account = meter({ id: 'MTR-A004', source: 'feed', expectedIntervalSeconds: 604_800 });
    // October booked to its 31st (noon in Shanghai): November's file is due during December.
    const booked = '2026-10-31T04:00:00.000Z';
    const at = (iso: string) => meterOfflineAlertFor(account, booked, new Date(iso), 3, 'Asia/Shanghai');

    expect(at('2026-12-31T15:59:59Z')).toBeUndefined();
    const late = at('2026-12-31T16:00:01Z');
    // Four weeks after the last booked day a device rule (3 × 7 days) would have called it offline.
    expect(at('2026-11-28T04:00:00Z')).toBeUndefined();
    expect(late).toMatchObject({ targetId: 'MTR-A004', period: booked, threshold: 61 * 86_400 + 12 * 3600 });
    expect(late?.message).toMatch(/^账户计量点 MTR-A004/);
  });

  it('stays quiet up to 3 × the expected interval, and raises just past it', () => {
    // 3 × 900 s = 2 700 s = 45 min: 01:45:00 is exactly the allowance, 01:45:01 is one second past.
    expect(meterOfflineAlertFor(meter(), last, new Date('2026-11-29T01:45:00Z'))).toBeUndefined();
    const alert = meterOfflineAlertFor(meter(), last, new Date('2026-11-29T01:45:01Z'));
    expect(alert).toMatchObject({
      kind: 'meterOffline',
      level: 'meter',
      targetId: 'MTR-0001',
      period: last,
      enterpriseId: 'ENT-0001',
      value: 2701,
      threshold: 2700,
      raisedAt: '2026-11-29T01:45:01.000Z',
    });
    expect(alert?.message).toContain('离线');
  });

  it('says when the meter fell silent in Beijing time, not as a UTC ISO string', () => {
    const alert = meterOfflineAlertFor(meter(), last, new Date('2026-11-29T02:00:00Z'));
    const never = meterOfflineAlertFor(meter(), undefined, new Date('2026-11-01T01:00:00Z'));
    expect(alert?.message).toContain('自 2026年11月29日 09:00（北京时间） 起');
    expect(never?.message).toContain('自 2026年11月1日 08:00（北京时间） 登记以来从未上报');
    for (const message of [alert?.message, never?.message]) expect(message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('keys a silence episode by its last reading, so later scans name the same alert', () => {
    const early = meterOfflineAlertFor(meter(), last, new Date('2026-11-29T02:00:00Z'));
    const later = meterOfflineAlertFor(meter(), last, new Date('2026-11-29T09:00:00Z'));
    expect(early?.period).toBe(later?.period);
    const nextEpisode = meterOfflineAlertFor(
      meter(),
      '2026-11-29T05:00:00.000Z',
      new Date('2026-11-29T09:00:00Z'),
    );
    expect(nextEpisode?.period).toBe('2026-11-29T05:00:00.000Z');
  });

  it('counts a meter that never reported as silent since registration', () => {
    const alert = meterOfflineAlertFor(meter(), undefined, new Date('2026-11-01T01:00:00Z'));
    expect(alert).toMatchObject({ period: '2026-11-01T00:00:00.000Z', value: 3600 });
    expect(alert?.message).toContain('从未上报');
  });

  it('ignores retired meters and honours a configured factor', () => {
    const now = new Date('2026-11-29T02:00:00Z'); // 3 600 s after the last reading
    expect(meterOfflineAlertFor(meter({ status: 'retired' }), last, now)).toBeUndefined();
    expect(meterOfflineAlertFor(meter(), last, now, 5)).toBeUndefined(); // 5 × 900 = 4 500 s
    expect(meterOfflineAlertFor(meter(), last, now, 2)?.threshold).toBe(1800);
  });
});

describe('scanOfflineMeters', () => {
  it('raises one alert per silence episode however often it runs', async () => {
    const stored = new Map<string, MeterOfflineAlert>();
    const ports = {
      async *activeMeters() {
        yield meter();
        yield meter({ id: 'MTR-0002', expectedIntervalSeconds: 3600 });
      },
      lastReadingAt: async (id: string) =>
        id === 'MTR-0001' ? '2026-11-29T00:00:00.000Z' : '2026-11-29T01:30:00.000Z',
      raiseAlert: async (alert: MeterOfflineAlert) => {
        const key = `${alert.targetId}#${alert.period}`;
        if (stored.has(key)) return false;
        stored.set(key, alert);
        return true;
      },
    };
    // At 02:00, MTR-0001 is 7 200 s silent (> 2 700), MTR-0002 1 800 s (< 10 800).
    const first = await scanOfflineMeters(ports, new Date('2026-11-29T02:00:00Z'));
    const second = await scanOfflineMeters(ports, new Date('2026-11-29T02:15:00Z'));
    expect(first).toMatchObject({ checked: 2, offline: 1 });
    expect(first.raised.map((a) => a.targetId)).toEqual(['MTR-0001']);
    expect(second).toMatchObject({ checked: 2, offline: 1, raised: [] });
    expect(stored.size).toBe(1);
  });
});

describe('helpers', () => {
  it('formats durations and parses the factor defensively', () => {
    expect(formatDuration(2701)).toBe('45 分钟');
    expect(formatDuration(90_000)).toBe('1 天 1 小时 0 分钟');
    expect(parseSilenceFactor(undefined)).toBe(3);
    expect(parseSilenceFactor('abc')).toBe(3);
    expect(parseSilenceFactor('-1')).toBe(3);
    expect(parseSilenceFactor('4.5')).toBe(4.5);
  });
});
