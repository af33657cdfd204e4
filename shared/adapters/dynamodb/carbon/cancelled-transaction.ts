import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { ApplyOutcome } from '../../../ports/ingest-store.ts';

/** Cancellation codes that mean "another writer was busy on an item": the same plan may be sent again. */
const CONTENDED = new Set(['TransactionConflict', 'ThrottlingError']);

/**
 * What a cancelled ingest or fold transaction means to its caller: a failed condition (re-read and
 * re-plan) or contention (send again); undefined for any other error, which the caller throws.
 */
export const cancelledOutcome = (error: unknown): Exclude<ApplyOutcome, 'applied'> | undefined => {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const codes = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  if (codes.includes('ConditionalCheckFailed')) return 'conditionFailed';
  if (codes.some((code) => CONTENDED.has(code))) return 'contended';
  return undefined;
};
