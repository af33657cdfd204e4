import { describe, expect, it } from 'vitest';
import { notificationId } from '../../../shared/domain/notifications/notification-ids.ts';
import {
  linkFor,
  pairTellings,
  planDeliveries,
  planNotification,
} from '../../../shared/domain/notifications/notification-plan.ts';
import type { NotificationEvent, Telling } from '../../../shared/domain/notifications/notification-types.ts';
import { DEFAULT_PREFERENCES } from '../../../shared/domain/notifications/notification-types.ts';
import { pushEndpointProblem, pushKeyProblems } from '../../../shared/domain/notifications/push-endpoint.ts';
import { deliverableAt, isQuiet } from '../../../shared/domain/notifications/quiet-hours.ts';
import { nextAttemptAt } from '../../../shared/domain/notifications/retry-policy.ts';

const TZ = 'Asia/Shanghai';
const at = (local: string) => new Date(`${local}+08:00`);
const telling = (kind: Telling['kind'], urgent = false): Telling => ({
  kind,
  audiences: [],
  urgent,
  title: 't',
  body: 'b',
});

describe('quiet hours', () => {
  const night = { start: '22:00', end: '07:00' };

  it('span midnight; a non-urgent delivery waits for their end, an urgent one goes at once', () => {
    expect(isQuiet(night, at('2026-03-02T23:30'), TZ)).toBe(true);
    expect(isQuiet(night, at('2026-03-03T06:59'), TZ)).toBe(true);
    expect(isQuiet(night, at('2026-03-03T07:00'), TZ)).toBe(false);
    expect(deliverableAt(night, at('2026-03-02T23:30'), TZ, false)).toEqual(at('2026-03-03T07:00'));
    expect(deliverableAt(night, at('2026-03-03T05:00'), TZ, false)).toEqual(at('2026-03-03T07:00'));
    expect(deliverableAt(night, at('2026-03-02T23:30'), TZ, true)).toEqual(at('2026-03-02T23:30'));
  });

  it('a daytime window ends the same day', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(deliverableAt(lunch, at('2026-03-02T12:15'), TZ, false)).toEqual(at('2026-03-02T13:30'));
    expect(deliverableAt(lunch, at('2026-03-02T14:00'), TZ, false)).toEqual(at('2026-03-02T14:00'));
  });
});

describe('retries', () => {
  it('back off 1, 2, 4, 8 minutes and stop after the fifth attempt', () => {
    const failedAt = new Date('2026-03-02T00:00:00Z');
    const delays = [1, 2, 3, 4, 5].map((n) => nextAttemptAt(n, failedAt)?.getTime());
    expect(delays.map((ms) => (ms === undefined ? undefined : (ms - failedAt.getTime()) / 60_000))).toEqual([
      1,
      2,
      4,
      8,
      undefined,
    ]);
  });
});

describe('one notification per person and event', () => {
  const event: NotificationEvent = {
    eventId: 'case~c1~7',
    at: '2026-03-02T01:00:00.000Z',
    subject: { kind: 'case', id: 'c1' },
    actorId: 'u-actor',
    tellings: [telling('escalation', true), telling('deadlineNear')],
  };

  it('the first telling wins; the actor and system ids are never told', () => {
    const [escalation, near] = event.tellings as [Telling, Telling];
    const staff = (userId: string) => ({ userId, audience: 'staff' as const });
    const pairs = pairTellings(
      event,
      new Map([
        [escalation, [staff('head')]],
        [near, [staff('head'), staff('handler'), staff('u-actor'), staff('system:escalation')]],
      ]),
    );
    expect(pairs.map((p) => [p.recipient.userId, p.telling.kind])).toEqual([
      ['head', 'escalation'],
      ['handler', 'deadlineNear'],
    ]);
  });

  it('has a deterministic id that sorts by the event’s time, and links into the right app', () => {
    const id = notificationId(event.eventId, event.at, 'head');
    expect(id).toBe(notificationId(event.eventId, event.at, 'head'));
    expect(id).not.toBe(notificationId(event.eventId, event.at, 'handler'));
    expect(id.startsWith('20260302T010000000Z-')).toBe(true);
    expect(linkFor('https://qs.example/', event.subject, { userId: 'd', audience: 'deputy' })).toBe(
      'https://qs.example/app/cases/c1',
    );
    expect(linkFor('', { kind: 'suggestion', id: 's 1' }, { userId: 'h', audience: 'staff' })).toBe(
      '/console/suggestions/s%201',
    );
  });

  it('plans push per device and email/SMS only where chosen and known, held in quiet hours unless urgent', () => {
    const recipient = {
      userId: 'head',
      audience: 'staff' as const,
      email: 'h@x.example',
      phone: '+8613800000001',
    };
    const quiet = {
      ...DEFAULT_PREFERENCES,
      channels: { push: true, email: true, sms: true },
      quietHours: { start: '22:00', end: '07:00' },
    };
    const night = at('2026-03-02T23:00');
    const plan = (urgent: boolean) =>
      planDeliveries(planNotification(event, telling('escalation', urgent), recipient, ''), recipient, {
        preferences: quiet,
        pushSubscriptionIds: ['phone', 'tablet'],
        now: night,
        timeZone: TZ,
      });
    expect(plan(false).map((d) => [d.channel, d.target, d.status, d.dueAt])).toEqual([
      ['push', 'phone', 'deferred', at('2026-03-03T07:00').toISOString()],
      ['push', 'tablet', 'deferred', at('2026-03-03T07:00').toISOString()],
      ['email', 'h@x.example', 'deferred', at('2026-03-03T07:00').toISOString()],
      ['sms', '+8613800000001', 'deferred', at('2026-03-03T07:00').toISOString()],
    ]);
    expect(plan(true).every((d) => d.status === 'pending' && d.dueAt === night.toISOString())).toBe(true);
    const defaults = planDeliveries(
      planNotification(event, telling('deadlineNear'), { userId: 'x', audience: 'staff' }, ''),
      { userId: 'x', audience: 'staff' },
      {
        preferences: DEFAULT_PREFERENCES,
        pushSubscriptionIds: [],
        now: night,
        timeZone: TZ,
      },
    );
    expect(defaults).toEqual([]);
  });
});

describe('push endpoints', () => {
  const rules = { allowedHosts: ['fcm.googleapis.com', 'push.apple.com'], allowLoopback: false };

  it('are HTTPS endpoints of known push services only: no other host, no plain HTTP, no credentials', () => {
    expect(pushEndpointProblem('https://fcm.googleapis.com/fcm/send/abc', rules)).toBeUndefined();
    expect(pushEndpointProblem('https://web.push.apple.com/QGx', rules)).toBeUndefined();
    expect(pushEndpointProblem('https://169.254.169.254/latest/meta-data', rules)).toContain(
      '不支持的推送服务',
    );
    expect(pushEndpointProblem('https://evilpush.apple.com.attacker.example/x', rules)).toContain('不支持');
    expect(pushEndpointProblem('http://fcm.googleapis.com/x', rules)).toContain('HTTPS');
    expect(pushEndpointProblem('http://127.0.0.1:9/x', rules)).toContain('HTTPS');
    expect(pushEndpointProblem('http://127.0.0.1:9/x', { ...rules, allowLoopback: true })).toBeUndefined();
  });

  it('keys must be what a browser makes', () => {
    expect(pushKeyProblems({ p256dh: 'AAAA', auth: 'AAAA' }).map((p) => p.field)).toEqual(['p256dh', 'auth']);
  });
});
