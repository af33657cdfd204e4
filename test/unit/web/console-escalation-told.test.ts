import { describe, expect, it } from 'vitest';
import { type Told, toldLabel, toldLines } from '../../../web/src/console/cases/escalation-told.ts';

const told = (over: Partial<Told>): Told => ({
  level: 1,
  kind: 'escalation',
  recipientId: 'head-eco',
  recipientName: '生态环境局负责人',
  channel: 'inApp',
  status: 'sent',
  at: '2026-12-01T02:00:00.000Z',
  ...over,
});

describe("the escalation board's who was told", () => {
  it('reads one line per level and person, levels ascending, with the earliest time', () => {
    const lines = toldLines([
      told({ level: 3, recipientId: 'leader', recipientName: '赵区长', channel: 'sms' }),
      told({ channel: 'sms', at: '2026-12-01T02:01:00.000Z' }),
      told({ at: '2026-12-01T01:59:00.000Z' }),
      told({ level: 2, recipientId: 'sup', recipientName: undefined, channel: 'email', status: 'pending' }),
    ]);
    expect(lines.map(toldLabel)).toEqual([
      '一级 生态环境局负责人：站内 已发送、短信 已发送',
      '二级 sup：邮件 待发送',
      '三级 赵区长：短信 已发送',
    ]);
    expect(lines[0]?.at).toBe('2026-12-01T01:59:00.000Z');
    expect(lines.some((line) => line.problem)).toBe(false);
  });

  it('names a near-deadline reminder as such, before the levels', () => {
    const lines = toldLines([
      told({ level: 1 }),
      told({ kind: 'deadlineNear', level: 1, recipientId: 'h', recipientName: '经办人' }),
    ]);
    expect(lines.map(toldLabel)).toEqual([
      '临期提醒 经办人：站内 已发送',
      '一级 生态环境局负责人：站内 已发送',
    ]);
  });

  it('flags a person a channel did not reach, and reads nothing when no one was told', () => {
    const [line] = toldLines([told({}), told({ channel: 'push', status: 'gone' })]);
    expect(line?.problem).toBe(true);
    expect(toldLines(undefined)).toEqual([]);
  });
});
