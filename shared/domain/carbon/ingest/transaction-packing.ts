import type { ReadingChunk } from './ingest-plan.ts';
import type { JudgedMessage } from './judge-message.ts';
import { type PlannedChunk, transactionKeysOf } from './transaction-plan.ts';

/**
 * How a queue batch's single-chunk messages share transactions (shared/application/carbon/
 * ingest-batch.ts runs it): in rounds, in a stable order, packed up to the items a transaction holds (the
 * ingest store says how many: DynamoDB's 100).
 */

/** A message of one chunk, judged, waiting to be planned. */
export interface Candidate {
  /** The queue's id of the record that carried it. */
  recordId: string;
  judged: JudgedMessage;
  chunk: ReadingChunk;
}

export interface Planned extends Candidate {
  planned: PlannedChunk;
}

/**
 * Rounds in which the candidates may share transactions: a cumulative meter's plan rests on the
 * registers it read, so each round holds at most one message per cumulative meter (the next one is
 * planned after it committed); interval meters need no read and all go in the first round.
 */
export const registerRounds = <C extends Candidate>(candidates: readonly C[]): C[][] => {
  const rounds: C[][] = [];
  const perMeter = new Map<string, number>();
  for (const candidate of candidates) {
    const cumulative = candidate.judged.meter.readingKind === 'cumulative';
    const index = cumulative ? (perMeter.get(candidate.judged.meter.id) ?? 0) : 0;
    if (cumulative) perMeter.set(candidate.judged.meter.id, index + 1);
    const round = rounds[index] ?? [];
    round.push(candidate);
    rounds[index] = round;
  }
  return rounds;
};

/**
 * By hour, then meter: neighbours in this order share the most items (the same city, industry and
 * enterprise hour; the same meter day), so the packing fills each transaction with the most
 * messages. The order is total, so the packing does not depend on the planning's timing.
 */
export const inPackingOrder = <P extends Planned>(planned: readonly P[]): P[] => {
  const orderOf = (p: P) => `${p.chunk.hours[0] ?? ''}\u0000${p.judged.meter.id}\u0000${p.recordId}`;
  return [...planned].sort((a, b) => (orderOf(a) < orderOf(b) ? -1 : orderOf(a) > orderOf(b) ? 1 : 0));
};

/** Consecutive plans, each group as many as fit in one transaction of at most `maxItems` items. */
export const packTransactions = <P extends Planned>(planned: readonly P[], maxItems: number): P[][] => {
  const groups: P[][] = [];
  let current: P[] = [];
  let keys = new Set<string>();
  for (const member of planned) {
    const own = transactionKeysOf(member.planned);
    const added = own.filter((key) => !keys.has(key)).length;
    if (current.length > 0 && keys.size + added > maxItems) {
      groups.push(current);
      current = [];
      keys = new Set();
    }
    current.push(member);
    for (const key of own) keys.add(key);
  }
  if (current.length > 0) groups.push(current);
  return groups;
};
