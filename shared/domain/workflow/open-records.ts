/**
 * Which workflow records are still open, so that the hourly jobs (escalation, the not-one-missed
 * reconciliation) read only those from a sparse index instead of scanning every case ever closed.
 *
 * A record is open unless its state is one of its kind's terminal states; a state the workflow does
 * not know counts as open, so a corrupted record stays in sight of the reconciliation. Leaving a
 * terminal state (a case reopened) makes the record open again.
 */

export type WorkflowPrefix = 'CASE' | 'SUGGESTION';

/** States after which nobody owes the record anything more (until it is reopened). */
export const TERMINAL_STATES: Readonly<Record<WorkflowPrefix, readonly string[]>> = {
  CASE: ['rejected', 'duplicate', 'closed'],
  SUGGESTION: ['converted', 'closed', 'split'],
};

export const isOpenState = (prefix: string, state: string): boolean =>
  !(TERMINAL_STATES[prefix as WorkflowPrefix] ?? []).includes(state);

/**
 * Open records are spread over a few index partitions (read in parallel) so that no single
 * partition takes every step's index write; 4 × 1,000 WCU is far above a district's step rate.
 */
export const OPEN_SHARDS = 4;

/** A stable shard of an id (FNV-1a), the same in every process. */
export const openShardOf = (id: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % OPEN_SHARDS;
};

/**
 * What a step does to the books of closed records: +1 on the state it closes into, −1 on the one it
 * reopens from (nothing when it stays open or stays closed in the same state).
 */
export const closedLedgerDelta = (
  prefix: string,
  from: string | null,
  to: string,
): Record<string, number> => {
  if (from === to) return {};
  const delta: Record<string, number> = {};
  if (from !== null && !isOpenState(prefix, from)) delta[from] = -1;
  if (!isOpenState(prefix, to)) delta[to] = 1;
  return delta;
};

/** Whether a step opens (a new open record, a reopening) or closes the record, or neither. */
export const opennessChange = (
  prefix: string,
  from: string | null,
  to: string,
): 'opened' | 'closed' | 'none' => {
  const wasOpen = from !== null && isOpenState(prefix, from);
  const isOpen = isOpenState(prefix, to);
  if (wasOpen === isOpen) return 'none';
  return isOpen ? 'opened' : 'closed';
};
