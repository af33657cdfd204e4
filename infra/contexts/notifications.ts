import {
  createPushSubscriptionRoute,
  deletePushSubscriptionRoute,
  getNotificationPreferencesRoute,
  listNotificationsRoute,
  listPushSubscriptionsRoute,
  markAllNotificationsReadRoute,
  markNotificationReadRoute,
  putNotificationPreferencesRoute,
} from '../../shared/contracts/notifications.ts';
import type { FunctionSpec } from '../manifest-spec.ts';

/**
 * Notifications (docs/notifications.md): the inbox, preferences and push devices of each person, and
 * the dispatcher that turns the workflow's and the alerts' outbox events into notifications and
 * deliveries. `notify` says which delivery permissions a function gets
 * (infra/constructs/notification-delivery.ts).
 */
export const NOTIFICATION_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'notificationsList',
    entry: 'functions/notifications/list-notifications.ts',
    description: 'The caller’s notifications, newest first, and how many are unread',
    trigger: { kind: 'http', routes: [listNotificationsRoute] },
    tables: { notifications: 'read' },
  },
  {
    id: 'notificationsMarkRead',
    entry: 'functions/notifications/mark-notification-read.ts',
    description: 'Mark one of the caller’s notifications read',
    trigger: { kind: 'http', routes: [markNotificationReadRoute] },
    tables: { notifications: 'readWrite' },
  },
  {
    id: 'notificationsMarkAllRead',
    entry: 'functions/notifications/mark-all-notifications-read.ts',
    description: 'Mark all the caller’s notifications read',
    timeoutSeconds: 29,
    trigger: { kind: 'http', routes: [markAllNotificationsReadRoute] },
    tables: { notifications: 'readWrite' },
  },
  {
    id: 'notificationPreferencesGet',
    entry: 'functions/notifications/get-notification-preferences.ts',
    description: 'The caller’s notification channels and quiet hours',
    trigger: { kind: 'http', routes: [getNotificationPreferencesRoute] },
    tables: { notifications: 'read', registry: 'read' },
    notify: 'pushKey',
  },
  {
    id: 'notificationPreferencesPut',
    entry: 'functions/notifications/put-notification-preferences.ts',
    description: 'Replace the caller’s notification channels and quiet hours',
    trigger: { kind: 'http', routes: [putNotificationPreferencesRoute] },
    tables: { notifications: 'readWrite', registry: 'read' },
    notify: 'pushKey',
  },
  {
    id: 'pushSubscriptionsList',
    entry: 'functions/notifications/list-push-subscriptions.ts',
    description: 'The caller’s Web Push devices and the VAPID public key',
    trigger: { kind: 'http', routes: [listPushSubscriptionsRoute] },
    tables: { notifications: 'read' },
    notify: 'pushKey',
  },
  {
    id: 'pushSubscriptionsCreate',
    entry: 'functions/notifications/create-push-subscription.ts',
    description: 'Register one of the caller’s devices for Web Push',
    trigger: { kind: 'http', routes: [createPushSubscriptionRoute] },
    tables: { notifications: 'readWrite' },
    notify: 'pushKey',
  },
  {
    id: 'pushSubscriptionsDelete',
    entry: 'functions/notifications/delete-push-subscription.ts',
    description: 'Stop pushing to one of the caller’s devices',
    trigger: { kind: 'http', routes: [deletePushSubscriptionRoute] },
    tables: { notifications: 'readWrite' },
  },
  {
    id: 'jobNotificationDispatch',
    entry: 'functions/notifications/dispatch-notifications.ts',
    description:
      'Fans outbox events out into notifications and sends due deliveries (Web Push, email, SMS) with retries',
    timeoutSeconds: 55,
    memoryMb: 512,
    trigger: {
      kind: 'schedule',
      job: 'notificationDispatch',
      expression: 'rate(1 minute)',
      description: 'Notification fan-out and delivery every minute (通知派发)',
    },
    // workflow and carbon: read the outbox and what it is about, and remove handled outbox items.
    tables: { workflow: 'readWrite', carbon: 'readWrite', registry: 'read', notifications: 'readWrite' },
    notify: 'deliver',
  },
];
