import { localTimeToInstant, wallClockOf } from '../../calendar/local-date.ts';
import { formatLocalDateTime } from '../../calendar/local-time-text.ts';
import type { MeterRecord } from '../../registry/records.ts';
import { DEFAULT_TIME_ZONE } from '../rollups/rollup-model.ts';

/**
 * Meter-offline alerts. A meter is offline once it has been silent for more than `silenceFactor` ×
 * its expected interval (3 by default: one late or lost message is normal, three in a row is not).
 * One silence episode raises ONE alert: the alert's period is the last reading's time (or, for a meter
 * that never reported, its registration time), so its key `meterOffline#<period>` is the same on
 * every scan until the meter speaks again; the next silence starts from a new last reading and
 * raises a new alert. Nothing is cleared automatically: an alert records that data went missing.
 */

export const DEFAULT_SILENCE_FACTOR = 3;

export type OfflineCheckedMeter = Pick<
  MeterRecord,
  'id' | 'name' | 'enterpriseId' | 'expectedIntervalSeconds' | 'createdAt' | 'status' | 'source'
>;

export interface MeterOfflineAlert {
  kind: 'meterOffline';
  level: 'meter';
  targetId: string;
  /** Start of the silence: the last reading (UTC ISO), or the registration of a meter never heard from. */
  period: string;
  raisedAt: string;
  enterpriseId: string;
  /** Seconds silent at the scan. */
  value: number;
  /** Seconds of silence that make a meter offline. */
  threshold: number;
  message: string;
}

/** The alert due for this meter now, or undefined while it is active, retired or within its allowance. */
export const meterOfflineAlertFor = (
  meter: OfflineCheckedMeter,
  lastReadingAt: string | undefined,
  now: Date,
  silenceFactor = DEFAULT_SILENCE_FACTOR,
  timeZone = DEFAULT_TIME_ZONE,
): MeterOfflineAlert | undefined => {
  if (meter.status !== 'active') return undefined;
  const since = lastReadingAt ?? meter.createdAt;
  const silentSeconds = Math.floor((now.getTime() - Date.parse(since)) / 1000);
  const threshold =
    meter.source === 'feed'
      ? feedAllowanceSeconds(since, timeZone)
      : silenceFactor * meter.expectedIntervalSeconds;
  if (!Number.isFinite(silentSeconds) || silentSeconds <= threshold) return undefined;
  return {
    kind: 'meterOffline',
    level: 'meter',
    targetId: meter.id,
    period: since,
    raisedAt: now.toISOString(),
    enterpriseId: meter.enterpriseId,
    value: silentSeconds,
    threshold,
    message:
      meter.source === 'feed'
        ? feedMessage(meter, since, timeZone)
        : deviceMessage(meter, since, lastReadingAt, silentSeconds, silenceFactor, timeZone),
  };
};

const deviceMessage = (
  meter: OfflineCheckedMeter,
  since: string,
  lastReadingAt: string | undefined,
  silentSeconds: number,
  silenceFactor: number,
  timeZone: string,
): string => {
  // People read local time; the alert's period keeps the UTC instant (it is the alert's key).
  const when = formatLocalDateTime(since, timeZone);
  const what =
    lastReadingAt === undefined
      ? `自 ${when} 登记以来从未上报数据`
      : `自 ${when} 起已 ${formatDuration(silentSeconds)} 未上报数据`;
  return `计量表 ${meter.id}（${meter.name}）离线：${what}，超过预期上报间隔的 ${silenceFactor} 倍 (meter offline)`;
};

/**
 * An account meter's allowance (docs/imports.md, "Account meters and the offline scan"): its last
 * booked day lies in month M; the file for M+1 comes during M+2; once M+2 has ended without it, the
 * feed is late. So the allowance runs from the last booked day to local midnight opening M+3.
 */
export const feedAllowanceSeconds = (since: string, timeZone: string): number => {
  const wall = wallClockOf(Date.parse(since), timeZone);
  const due = new Date(Date.UTC(wall.year, wall.month - 1 + 3, 1)).toISOString().slice(0, 10);
  return Math.floor((localTimeToInstant(due, 0, timeZone).getTime() - Date.parse(since)) / 1000);
};

const feedMessage = (meter: OfflineCheckedMeter, since: string, timeZone: string): string =>
  `账户计量点 ${meter.id}（${meter.name}）自 ${formatLocalDateTime(since, timeZone)} 起没有导入下一个月的数据，已过其后一个月 (feed account meter: no file imported for the month after)`;

/** `1 小时 5 分钟`-style, to the minute. */
export const formatDuration = (seconds: number): string => {
  const minutes = Math.floor(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = [
    days > 0 ? `${days} 天` : '',
    hours > 0 ? `${hours} 小时` : '',
    `${minutes % 60} 分钟`,
  ].filter((part) => part !== '');
  return parts.join(' ');
};

export interface MeterOfflineScanPorts {
  /** Every meter with status active, page by page. */
  activeMeters(): AsyncIterable<OfflineCheckedMeter>;
  /** The latest reading time of the meter, from its newest hour rollup; undefined if it never reported. */
  lastReadingAt(meterId: string): Promise<string | undefined>;
  /** Puts the alert unless its key exists; true when this call raised it. */
  raiseAlert(alert: MeterOfflineAlert): Promise<boolean>;
}

export interface MeterOfflineScanResult {
  checked: number;
  offline: number;
  /** Alerts raised by this scan (earlier scans already raised the others). */
  raised: MeterOfflineAlert[];
}

/** Checks every active meter once; idempotent, so a retried or overlapping scan raises nothing twice. */
export const scanOfflineMeters = async (
  ports: MeterOfflineScanPorts,
  now: Date,
  silenceFactor = DEFAULT_SILENCE_FACTOR,
  timeZone = DEFAULT_TIME_ZONE,
): Promise<MeterOfflineScanResult> => {
  const result: MeterOfflineScanResult = { checked: 0, offline: 0, raised: [] };
  for await (const meter of ports.activeMeters()) {
    result.checked += 1;
    const alert = meterOfflineAlertFor(
      meter,
      await ports.lastReadingAt(meter.id),
      now,
      silenceFactor,
      timeZone,
    );
    if (alert === undefined) continue;
    result.offline += 1;
    if (await ports.raiseAlert(alert)) result.raised.push(alert);
  }
  return result;
};

/** The configured silence factor: a positive number, else the default (config typos must not silence alerts). */
export const parseSilenceFactor = (raw: string | undefined): number => {
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) && value > 0
    ? value
    : DEFAULT_SILENCE_FACTOR;
};
