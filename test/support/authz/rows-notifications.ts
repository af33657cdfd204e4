import { fixture, type MatrixTable } from './matrix.ts';
import { signedIn } from './role-tables.ts';

/**
 * Notifications (docs/notifications.md): everyone signed in has an inbox, preferences and devices of
 * their own and reaches no one else's — another person's notification or device is 404, as an absent
 * one is. Writes are probed so they change nothing shared: a stale preferences version (409), an
 * endpoint of no known push service (422); marking all read and deleting deputy A's device touch only
 * the caller's own items.
 */
const json = { 'content-type': 'application/json' };

export const NOTIFICATION_ROWS: MatrixTable = {
  'GET /notifications': { request: () => ({ path: '/notifications' }), expect: signedIn('-') },
  'POST /notifications/read-all': {
    request: () => ({ path: '/notifications/read-all' }),
    expect: signedIn('-'),
  },
  'POST /notifications/{id}/read': {
    request: (target, fx) => ({
      path: `/notifications/${target === 'absent' ? '20990101T000000000Z-0' : fixture(fx, 'notification.depA')}/read`,
    }),
    expect: `
      target  anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      depA    401  ok   404  404  404  404  404  404  404
      absent  401  404  404  404  404  404  404  404  404
    `,
  },
  'GET /notification-preferences': {
    request: () => ({ path: '/notification-preferences' }),
    expect: signedIn('-'),
  },
  'PUT /notification-preferences': {
    request: () => ({
      path: '/notification-preferences',
      headers: json,
      body: { channels: { push: true, email: true, sms: false }, quietHours: null, version: 999999 },
    }),
    allowed: [409],
    expect: signedIn('-'),
  },
  'GET /push-subscriptions': { request: () => ({ path: '/push-subscriptions' }), expect: signedIn('-') },
  'POST /push-subscriptions': {
    request: () => ({
      path: '/push-subscriptions',
      headers: json,
      body: { endpoint: 'https://push.example.com/x', keys: { p256dh: 'AAAA', auth: 'AAAA' } },
    }),
    allowed: [422],
    expect: signedIn('-'),
  },
  'DELETE /push-subscriptions/{id}': {
    request: (target, fx) => ({
      path: `/push-subscriptions/${target === 'absent' ? 'no-such-device' : fixture(fx, 'push.depA')}`,
    }),
    expect: `
      target  anon depA depB hnd1 hed1 hnd2 hed2 sup  adm
      depA    401  ok   404  404  404  404  404  404  404
      absent  401  404  404  404  404  404  404  404  404
    `,
  },
};
