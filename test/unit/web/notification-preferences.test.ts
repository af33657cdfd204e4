import { describe, expect, it } from 'vitest';
import { generateVapidKeys } from '../../../shared/adapters/push/web-push-sender.ts';
import { putNotificationPreferencesRoute } from '../../../shared/contracts/notifications.ts';
import {
  bodyOf,
  channelAvailability,
  quietProblems,
  serverFieldErrors,
  valuesOf,
} from '../../../web/src/deputy/notifications/preferences-form.ts';
import { base64UrlToBytes } from '../../../web/src/deputy/notifications/vapid-key.ts';

/** The 通知设置 form: what the phone checks before the API does, and what it sends. */
describe('notification preferences form', () => {
  const view = {
    channels: { push: true, email: true, sms: false },
    version: 0,
    available: ['push', 'email', 'sms'] as ('push' | 'email' | 'sms')[],
    contact: { email: 'li@qingshan.example' },
  };
  const on = { ...valuesOf(view), quietOn: true };

  it('starts from what is stored, suggesting the night when quiet hours are off', () => {
    expect(valuesOf(view)).toEqual({
      push: true,
      email: true,
      sms: false,
      quietOn: false,
      start: '22:00',
      end: '07:00',
    });
    expect(valuesOf({ ...view, quietHours: { start: '12:00', end: '14:00' } })).toMatchObject({
      quietOn: true,
      start: '12:00',
      end: '14:00',
    });
  });

  it('refuses what the API refuses: HH:MM times that differ (only while quiet hours are on)', () => {
    expect(quietProblems(on)).toEqual({});
    expect(quietProblems({ ...on, start: '7:00', end: '24:00' })).toEqual({
      start: 'settings.quietFormat',
      end: 'settings.quietFormat',
    });
    expect(quietProblems({ ...on, end: '' })).toEqual({ end: 'settings.quietFormat' });
    expect(quietProblems({ ...on, end: '22:00' })).toEqual({ end: 'settings.quietSame' });
    expect(quietProblems({ ...on, quietOn: false, end: '22:00' })).toEqual({});
    // The phone's check and the contract agree on each case.
    for (const [start, end] of [
      ['22:00', '07:00'],
      ['7:00', '08:00'],
      ['22:00', '22:00'],
      ['23:59', '00:00'],
    ]) {
      const body = bodyOf({ ...on, start: start ?? '', end: end ?? '' }, 0);
      const accepted = putNotificationPreferencesRoute.body?.safeParse(body).success;
      expect(
        Object.keys(quietProblems({ ...on, start: start ?? '', end: end ?? '' })).length === 0,
        `${start}–${end}`,
      ).toBe(accepted);
    }
  });

  it('sends quiet hours as null when off, with the version read', () => {
    expect(bodyOf({ ...on, quietOn: false }, 3)).toEqual({
      channels: { push: true, email: true, sms: false },
      quietHours: null,
      version: 3,
    });
    expect(bodyOf(on, 1).quietHours).toEqual({ start: '22:00', end: '07:00' });
  });

  it('places the API’s field errors on the fields', () => {
    expect(
      serverFieldErrors({
        type: 'x',
        title: '请求参数无效',
        status: 400,
        errors: [
          { path: '/body/quietHours/start', message: '时间格式应为 HH:MM' },
          { path: '/body/quietHours', message: '开始与结束时间不能相同' },
          { path: '/body/channels/sms', message: 'expected boolean' },
        ],
      }),
    ).toEqual({ start: '时间格式应为 HH:MM', end: '开始与结束时间不能相同', form: 'expected boolean' });
    expect(serverFieldErrors(undefined)).toEqual({});
  });

  it('offers a channel only when the deployment has it and the directory has the address', () => {
    expect(channelAvailability(view, 'push')).toEqual({ enabled: true });
    expect(channelAvailability(view, 'email')).toEqual({ enabled: true, contact: 'li@qingshan.example' });
    expect(channelAvailability(view, 'sms')).toEqual({ enabled: false, hint: 'settings.noPhone' });
    expect(channelAvailability({ ...view, available: ['push'] }, 'email')).toEqual({
      enabled: false,
      hint: 'settings.unavailable',
    });
  });
});

describe('the VAPID key the app subscribes with', () => {
  it('is the 65-byte P-256 point the API gives as URL-safe base64', () => {
    const { publicKey } = generateVapidKeys();
    const bytes = base64UrlToBytes(publicKey);
    expect(bytes.length).toBe(65);
    expect(bytes[0]).toBe(4);
    expect(Buffer.from(bytes).equals(Buffer.from(publicKey, 'base64url'))).toBe(true);
  });
});
