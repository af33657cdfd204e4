import type { OutboxSourceKind } from '../../domain/notifications/notification-sources.ts';

/**
 * The notification outbox: one item per event that may tell someone something, written in the SAME
 * transaction as what caused it — a workflow step (its timeline entry) in the workflow table, an alert
 * in the carbon table — so an event is never lost between the step and the telling, and never exists
 * without its step. The dispatcher (functions/notifications/dispatch-notifications.ts) reads the
 * partition oldest first, fans each event out to its recipients with deterministic ids, then deletes
 * the item; a crash in between repeats only idempotent puts.
 *
 * Layout (in the table of the step): pk `OUTBOX`, sk `{at}#{source}#{id}` — one partition, ordered by
 * time. A district's steps and alerts are a few a minute, far below a partition's write limit; shard
 * the key (`OUTBOX#0..n`) when that changes.
 */

export const OUTBOX_PK = 'OUTBOX';

export type OutboxSource = OutboxSourceKind;

export interface OutboxEvent {
  /** The outbox item's sort key, to delete it once handled. */
  sk: string;
  source: OutboxSource;
  /** Case or suggestion id; for an alert, its key `pk|sk` in the carbon table. */
  ref: string;
  /** Timeline seq (workflow events only). */
  seq?: number;
  /** When the event happened (UTC ISO). */
  at: string;
}

/** The outbox item of one timeline entry of a workflow record (CASE / SUGGESTION prefix). */
export const workflowOutboxItem = (prefix: string, id: string, entry: { seq: number; at: string }) => {
  const source: OutboxSource = prefix === 'CASE' ? 'case' : 'suggestion';
  return {
    pk: OUTBOX_PK,
    sk: `${entry.at}#${source}#${id}#${String(entry.seq).padStart(6, '0')}`,
    kind: 'outbox',
    source,
    ref: id,
    seq: entry.seq,
    at: entry.at,
  };
};

/** The outbox item of an alert, keyed by the alert's own key. */
export const alertOutboxItem = (alertKey: { pk: string; sk: string }, raisedAt: string) => ({
  pk: OUTBOX_PK,
  sk: `${raisedAt}#alert#${alertKey.pk}|${alertKey.sk}`,
  kind: 'outbox',
  source: 'alert' as const,
  ref: `${alertKey.pk}|${alertKey.sk}`,
  at: raisedAt,
});

export const toOutboxEvent = (item: Record<string, unknown>): OutboxEvent => ({
  sk: String(item.sk),
  source: item.source as OutboxSource,
  ref: String(item.ref),
  ...(typeof item.seq === 'number' ? { seq: item.seq } : {}),
  at: String(item.at),
});
