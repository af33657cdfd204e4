/**
 * The business figures every deployment counts and graphs (infra/constructs/dashboard.ts), by the
 * name the code uses and the CloudWatch metric name. No Powertools import here: the CDK app reads it.
 */
export const BUSINESS_METRICS = {
  telemetryApplied: 'TelemetryMessagesApplied',
  telemetryQuarantined: 'TelemetryMessagesQuarantined',
  telemetryDuplicate: 'TelemetryMessagesDuplicate',
  telemetryRetried: 'TelemetryRecordsRetried',
  casesOpened: 'CasesOpened',
  itemsOverdue: 'ItemsOverdue',
  itemsEscalated: 'ItemsEscalated',
  jobUnitsDone: 'JobUnitsDone',
  /** A gauge, daily: local days until the loaded working calendar runs out (0 when none is loaded). */
  workingCalendarDaysLeft: 'WorkingCalendarDaysLeft',
  /** Notifications written to inboxes (one per person and event). */
  notificationsCreated: 'NotificationsCreated',
  notificationDeliveriesSent: 'NotificationDeliveriesSent',
  notificationDeliveriesRetried: 'NotificationDeliveriesRetried',
  /** Deliveries that gave up after their last attempt (recorded, never dropped): alarm-worthy. */
  notificationDeliveriesFailed: 'NotificationDeliveriesFailed',
  pushSubscriptionsGone: 'PushSubscriptionsGone',
} as const;
export type BusinessMetric = keyof typeof BUSINESS_METRICS;
