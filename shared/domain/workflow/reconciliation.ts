/**
 * "Not one case missed" (不漏一件): every record ever created is counted against the states it can
 * be in. Creation is read from an independent trace — the first timeline entry, written in the same
 * transaction as the record — so a record lost, corrupted or stranded in a state the workflow does
 * not know shows up as a difference instead of silently vanishing from every list.
 */

export interface ReconciliationInput {
  /**
   * Ids whose independent trace exists: the creation entry (timeline seq 1) of every record, or — as
   * the hourly job reads it — the OPEN marker of every open record, with `closedByState` beside.
   */
  created: readonly string[];
  /** Every stored record with its state (or every open one, with `closedByState`). */
  records: readonly { id: string; state: string; deadline?: string }[];
  /**
   * Records in terminal states counted by the closed ledger instead of read one by one; they count
   * as created and in their state.
   */
  closedByState?: Readonly<Record<string, number>>;
  /** The states the workflow defines. */
  states: readonly string[];
  /** States in which a record must carry a deadline (it is with a department). */
  statesNeedingDeadline?: readonly string[];
}

export type ReconciliationProblem =
  | 'createdWithoutRecord'
  | 'recordWithoutCreation'
  | 'unknownState'
  | 'missingDeadline';

export interface ReconciliationResult {
  created: number;
  byState: Record<string, number>;
  /** created = Σ byState + createdWithoutRecord, and nothing outside: the books balance. */
  balanced: boolean;
  outside: { id: string; problem: ReconciliationProblem; state?: string }[];
}

export const reconcile = (input: ReconciliationInput): ReconciliationResult => {
  const byState: Record<string, number> = Object.fromEntries(input.states.map((state) => [state, 0]));
  const known = new Set(input.states);
  const needsDeadline = new Set(input.statesNeedingDeadline ?? []);
  const createdIds = new Set(input.created);
  const recordIds = new Set<string>();
  const outside: ReconciliationResult['outside'] = [];
  for (const record of input.records) {
    recordIds.add(record.id);
    if (!createdIds.has(record.id))
      outside.push({ id: record.id, problem: 'recordWithoutCreation', state: record.state });
    if (!known.has(record.state)) {
      outside.push({ id: record.id, problem: 'unknownState', state: record.state });
      continue;
    }
    byState[record.state] = (byState[record.state] ?? 0) + 1;
    if (needsDeadline.has(record.state) && record.deadline === undefined) {
      outside.push({ id: record.id, problem: 'missingDeadline', state: record.state });
    }
  }
  for (const id of createdIds) {
    if (!recordIds.has(id)) outside.push({ id, problem: 'createdWithoutRecord' });
  }
  const closed = addClosed(byState, input.closedByState ?? {});
  outside.sort((a, b) => a.id.localeCompare(b.id));
  return { created: createdIds.size + closed, byState, balanced: outside.length === 0, outside };
};

/** Adds the closed ledger's counts to the states; returns how many records it counts. */
const addClosed = (
  byState: Record<string, number>,
  closedByState: Readonly<Record<string, number>>,
): number => {
  let closed = 0;
  for (const [state, count] of Object.entries(closedByState)) {
    byState[state] = (byState[state] ?? 0) + count;
    closed += count;
  }
  return closed;
};
