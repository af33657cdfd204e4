/**
 * Notifications (issue 18): an event — a workflow step, an escalation level, an alert — tells a set
 * of people something, once each, on the channels each of them chose. Pure types, shared by the rules
 * (who is told what), the delivery plan (on which channel, when) and the adapters.
 */

/** `inApp` is the inbox itself: always written, never deferred; the others are deliveries. */
export const CHANNELS = ['inApp', 'push', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export type DeliveryChannel = Exclude<Channel, 'inApp'>;
export const DELIVERY_CHANNELS: readonly DeliveryChannel[] = ['push', 'email', 'sms'];

export const NOTIFICATION_KINDS = [
  'caseDispatched',
  'suggestionAssigned',
  'deadlineNear',
  'escalation',
  'stateChanged',
  'suggestionReplied',
  'carbonAlert',
  'calendarAlert',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What the notification is about, for links and for the escalation board's look-up. */
export interface NotificationSubject {
  kind: 'case' | 'suggestion' | 'alert';
  id: string;
}

/** A group of people, resolved to user ids through the directory (shared/ports/user-directory.ts). */
export type Audience =
  | { kind: 'department'; departmentId: string; roles: readonly ('handler' | 'head')[] }
  | { kind: 'role'; role: 'supervisor' | 'admin' }
  | { kind: 'districtLeaders' }
  /** A deputy named on the record (reporter, filer, co-signer): told even without a directory entry. */
  | { kind: 'deputy'; userId: string };

/**
 * One thing an event tells one audience. An event may tell several (a dispatch tells the department
 * and the reporter); a person in two audiences of one event gets the first telling only.
 */
export interface Telling {
  kind: NotificationKind;
  audiences: Audience[];
  /** Escalations: delivered at once, whatever the recipient's quiet hours. */
  urgent: boolean;
  /** zh-CN, one line. */
  title: string;
  /** zh-CN; names the record, its place and its deadline in local time. */
  body: string;
  /** The escalation level this telling belongs to (1–3), for the board. */
  level?: 1 | 2 | 3;
}

/** An event and what it tells; `eventId` is deterministic (outbox source, record, seq). */
export interface NotificationEvent {
  eventId: string;
  /** When it happened (UTC ISO); orders the inbox. */
  at: string;
  subject: NotificationSubject;
  /** Never told about their own step; `system:*` actors are no one. */
  actorId?: string;
  tellings: Telling[];
}

export type DeliveryStatus = 'pending' | 'deferred' | 'sent' | 'failed' | 'gone';

export interface QuietHours {
  /** Local wall-clock times `HH:MM`; `start` after `end` spans midnight (22:00–07:00). */
  start: string;
  end: string;
}

export interface NotificationPreferences {
  channels: Record<DeliveryChannel, boolean>;
  quietHours?: QuietHours;
  version: number;
  updatedAt?: string;
}

/** Until a person chooses: push and email on, SMS off (it costs per message), no quiet hours. */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
  channels: { push: true, email: true, sms: false },
  version: 0,
};
