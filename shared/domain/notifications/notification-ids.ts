import { createHash } from 'node:crypto';
import type { OutboxSourceKind } from './notification-sources.ts';

/**
 * Deterministic ids: the same event told to the same person is the same notification, and the same
 * notification on the same channel (and device) is the same delivery — so a retried dispatch or a
 * re-run job writes nothing twice (each is a put on condition the id is new). Ids start with the
 * event's instant, so a person's inbox sorts by time on the id alone.
 */

export const workflowEventId = (source: OutboxSourceKind, recordId: string, seq: number): string =>
  `${source}~${recordId}~${seq}`;

export const alertEventId = (alertRef: string): string => `alert~${alertRef}`;

const compactInstant = (at: string): string => at.replace(/[-:.]/g, '');

const digest = (text: string, length: number): string =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

export const notificationId = (eventId: string, eventAt: string, recipientId: string): string =>
  `${compactInstant(eventAt)}-${digest(`${eventId}|${recipientId}`, 20)}`;

/** `push` deliveries are one per device: the subscription id names it. */
export const deliveryId = (notification: string, channel: string, subscriptionId?: string): string =>
  subscriptionId === undefined
    ? `${notification}-${channel}`
    : `${notification}-${channel}-${subscriptionId}`;

/** A push subscription's id: its endpoint, hashed (the endpoint itself is a bearer capability). */
export const pushSubscriptionId = (endpoint: string): string => digest(endpoint, 24);
