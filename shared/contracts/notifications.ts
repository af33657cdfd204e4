import * as z from 'zod';
import { CHANNELS, NOTIFICATION_KINDS } from '../domain/notifications/notification-types.ts';
import { ROLES } from '../domain/roles.ts';
import { defineRoute, type RouteContract } from './route.ts';

/**
 * Notifications (issue 18, docs/notifications.md): every signed-in person reads and marks their own
 * inbox, sets their own channels and quiet hours, and registers their own devices for Web Push.
 * Nobody reaches another person's: each route acts on the caller's own partition only.
 */

export const NotificationSchema = z
  .object({
    id: z.string().describe('Deterministic: the event’s instant and a hash of event and recipient'),
    eventId: z.string().describe('case~{id}~{seq}, suggestion~{id}~{seq} or alert~{key}'),
    kind: z.enum(NOTIFICATION_KINDS),
    subject: z.object({ kind: z.enum(['case', 'suggestion', 'alert']), id: z.string() }),
    title: z.string().describe('zh-CN'),
    body: z.string().describe('zh-CN, with local times'),
    link: z.string().describe('{base}/app/… for deputies, {base}/console/… for staff'),
    urgent: z.boolean().describe('Escalations: delivered even in quiet hours'),
    level: z.number().int().optional().describe('Escalation level 1–3'),
    createdAt: z.iso.datetime().describe('When the event happened'),
    readAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'Notification' });

export const listNotificationsRoute = defineRoute({
  id: 'listNotifications',
  method: 'GET',
  path: '/notifications',
  roles: ROLES,
  summary: '我的通知 The caller’s notifications, newest first, with the number unread',
  tag: 'notifications',
  query: z.object({
    unread: z.enum(['true', 'false']).optional().describe('true: unread only'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().optional(),
  }),
  response: z
    .object({
      items: z.array(NotificationSchema),
      unreadCount: z.number().int(),
      cursor: z.string().optional(),
    })
    .meta({ id: 'NotificationList' }),
  successStatus: 200,
});

const NotificationIdParams = z.object({ id: z.string().min(1).max(80) });

export const markNotificationReadRoute = defineRoute({
  id: 'markNotificationRead',
  method: 'POST',
  path: '/notifications/{id}/read',
  roles: ROLES,
  summary: '标为已读 Mark one of the caller’s notifications read (again: keeps the first time)',
  tag: 'notifications',
  params: NotificationIdParams,
  response: NotificationSchema,
  successStatus: 200,
  errorStatuses: [404],
});

export const markAllNotificationsReadRoute = defineRoute({
  id: 'markAllNotificationsRead',
  method: 'POST',
  path: '/notifications/read-all',
  roles: ROLES,
  summary: '全部标为已读 Mark all the caller’s notifications read',
  tag: 'notifications',
  response: z.object({ marked: z.number().int() }).meta({ id: 'MarkAllReadResult' }),
  successStatus: 200,
});

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM (local time, HH:MM)');

export const NotificationPreferencesSchema = z
  .object({
    channels: z
      .object({ push: z.boolean(), email: z.boolean(), sms: z.boolean() })
      .describe('In-app is always on: it is the record of what the person was told'),
    quietHours: z
      .object({ start: clockTime, end: clockTime })
      .refine((quiet) => quiet.start !== quiet.end, '开始与结束时间不能相同 (start and end must differ)')
      .optional()
      .describe('Local times; 22:00–07:00 spans midnight. Escalations are delivered anyway'),
    version: z.number().int().describe('0 until first saved'),
    updatedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'NotificationPreferences' });

export const PreferencesViewSchema = NotificationPreferencesSchema.extend({
  available: z.array(z.enum(CHANNELS)).describe('Channels this deployment can deliver on'),
  contact: z
    .object({ email: z.string().optional(), phone: z.string().optional() })
    .describe('From the staff directory (set by administrators); email and SMS need them'),
}).meta({ id: 'NotificationPreferencesView' });

export const getNotificationPreferencesRoute = defineRoute({
  id: 'getNotificationPreferences',
  method: 'GET',
  path: '/notification-preferences',
  roles: ROLES,
  summary: '通知设置 The caller’s channels and quiet hours (defaults until saved)',
  tag: 'notifications',
  response: PreferencesViewSchema,
  successStatus: 200,
});

export const putNotificationPreferencesRoute = defineRoute({
  id: 'putNotificationPreferences',
  method: 'PUT',
  path: '/notification-preferences',
  roles: ROLES,
  summary:
    '保存通知设置 Replace the caller’s channels and quiet hours; send the version read (body or If-Match)',
  tag: 'notifications',
  body: z
    .object({
      channels: NotificationPreferencesSchema.shape.channels,
      quietHours: NotificationPreferencesSchema.shape.quietHours.nullable(),
      version: z.number().int().min(0).optional(),
    })
    .meta({ id: 'PutNotificationPreferencesRequest' }),
  response: PreferencesViewSchema,
  successStatus: 200,
  errorStatuses: [409],
});

const base64url = z.string().regex(/^[A-Za-z0-9_-]+=*$/, 'base64url');

export const PushSubscriptionSchema = z
  .object({
    id: z.string(),
    endpointHost: z.string().describe('The push service; the endpoint itself is not shown again'),
    createdAt: z.iso.datetime(),
    userAgent: z.string().optional(),
  })
  .meta({ id: 'PushSubscription' });

export const listPushSubscriptionsRoute = defineRoute({
  id: 'listPushSubscriptions',
  method: 'GET',
  path: '/push-subscriptions',
  roles: ROLES,
  summary: '推送设备 The caller’s devices subscribed to Web Push, and the VAPID key to subscribe with',
  tag: 'notifications',
  response: z
    .object({
      vapidPublicKey: z
        .string()
        .nullable()
        .describe('applicationServerKey for PushManager.subscribe; null: push is not configured'),
      items: z.array(PushSubscriptionSchema),
    })
    .meta({ id: 'PushSubscriptionList' }),
  successStatus: 200,
});

export const createPushSubscriptionRoute = defineRoute({
  id: 'createPushSubscription',
  method: 'POST',
  path: '/push-subscriptions',
  roles: ROLES,
  summary:
    '登记推送设备 Register this device’s PushSubscription (PushSubscription.toJSON()); again: replaced',
  tag: 'notifications',
  body: z
    .object({
      endpoint: z.string().max(2048),
      expirationTime: z.number().nullable().optional(),
      keys: z.object({ p256dh: base64url.max(200), auth: base64url.max(100) }),
      userAgent: z.string().max(300).optional(),
    })
    .meta({ id: 'CreatePushSubscriptionRequest' }),
  response: PushSubscriptionSchema,
  successStatus: 201,
  errorStatuses: [422],
});

export const deletePushSubscriptionRoute = defineRoute({
  id: 'deletePushSubscription',
  method: 'DELETE',
  path: '/push-subscriptions/{id}',
  roles: ROLES,
  summary: '注销推送设备 Stop pushing to one of the caller’s devices',
  tag: 'notifications',
  params: z.object({ id: z.string().min(1).max(64) }),
  response: z.object({}),
  successStatus: 204,
  errorStatuses: [404],
});

export const NOTIFICATION_ROUTES: readonly RouteContract[] = [
  listNotificationsRoute,
  markNotificationReadRoute,
  markAllNotificationsReadRoute,
  getNotificationPreferencesRoute,
  putNotificationPreferencesRoute,
  listPushSubscriptionsRoute,
  createPushSubscriptionRoute,
  deletePushSubscriptionRoute,
];
