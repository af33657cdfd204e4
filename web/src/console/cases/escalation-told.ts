import type { getEscalationsRoute } from '../../../../shared/contracts/reports.ts';
import type { ResponseOf } from '../../shared/api-types.ts';

// From the contract directly (not ../api.ts), so this stays free of the DOM and unit-testable.
export type Told = NonNullable<ResponseOf<typeof getEscalationsRoute>['escalated'][number]['told']>[number];

const CHANNEL: Record<Told['channel'], string> = { inApp: '站内', push: '推送', email: '邮件', sms: '短信' };
const ORDER: readonly Told['channel'][] = ['inApp', 'push', 'email', 'sms'];
const STATUS: Record<Told['status'], string> = {
  sent: '已发送',
  pending: '待发送',
  deferred: '免打扰顺延',
  failed: '发送失败',
  gone: '设备已失效',
};
const LEVEL: Record<number, string> = { 1: '一级', 2: '二级', 3: '三级' };

/** One person told at one level: the channels with their status, and when they were first told. */
export interface ToldLine {
  /** `escalation` (the level's people) or `deadlineNear` (the handlers, before any level). */
  kind: string;
  level?: number;
  person: string;
  channels: string;
  /** The earliest time of the person's deliveries at that level (sent, or due for one waiting). */
  at: string;
  /** Some channel did not reach the person (failed or a device gone): staff should look. */
  problem: boolean;
}

/**
 * The board's "who was told": the API lists one row per notification and channel; staff read it by
 * level and person ("三级 赵区长：短信 已发送"). Levels ascending, then people in the API's order,
 * channels in one fixed order (站内, 推送, 邮件, 短信).
 */
export const toldLines = (told: readonly Told[] | undefined): ToldLine[] => {
  const groups = new Map<string, Told[]>();
  for (const entry of told ?? []) {
    const key = `${entry.kind}|${entry.level ?? 0}|${entry.recipientId}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()].map(lineOf).sort((a, b) => rank(a) - rank(b));
};

/** The near-deadline reminder comes before any level, as it did in time. */
const rank = (line: ToldLine) => (line.kind === 'escalation' ? (line.level ?? 0) : 0);

const notReached = (entry: Told) => entry.status === 'failed' || entry.status === 'gone';

const lineOf = (entries: Told[]): ToldLine => {
  const [first] = entries as [Told, ...Told[]];
  const channels = [...entries]
    .sort((a, b) => ORDER.indexOf(a.channel) - ORDER.indexOf(b.channel))
    .map((entry) => `${CHANNEL[entry.channel]} ${STATUS[entry.status]}`);
  return {
    kind: first.kind,
    ...(first.level === undefined ? {} : { level: first.level }),
    person: first.recipientName ?? first.recipientId,
    channels: [...new Set(channels)].join('、'),
    at: entries.map((entry) => entry.at).sort()[0] ?? first.at,
    problem: entries.some(notReached),
  };
};

const reason = (line: Pick<ToldLine, 'kind' | 'level'>): string =>
  line.kind === 'escalation' && line.level !== undefined
    ? (LEVEL[line.level] ?? `${line.level}级`)
    : line.kind === 'deadlineNear'
      ? '临期提醒'
      : line.kind;

export const toldLabel = (line: Pick<ToldLine, 'kind' | 'level' | 'person' | 'channels'>): string =>
  `${reason(line)} ${line.person}：${line.channels}`;
