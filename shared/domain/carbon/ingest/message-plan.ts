import { createHash } from 'node:crypto';
import { makeHandle } from '../../identifiers/handle.ts';
import type { FactorLibrary } from '../accounting/factors.ts';
import {
  type ChunkDecision,
  type ChunkState,
  type PlanContext,
  planChunk,
  type ReadingChunk,
  ReadingRejection,
} from './ingest-plan.ts';
import { type JudgedMessage, messageRefusal } from './judge-message.ts';
import type { QuarantineRecord, ReadingBatch } from './reading-batch.ts';

/**
 * What a judged message needs to be planned, and the pure steps around planning it: its context,
 * the plan (or the refusal of the whole message), the refusal record, its batch's identifier. The
 * use cases that read, retry and write are in shared/application/carbon.
 */

/** The deployment's settings a plan reads. */
export interface PlanSettings {
  library: FactorLibrary;
  timeZone: string;
  /** Prefix of industrial-internet identifiers (batch handles). */
  handlePrefix: string;
}

export const planContextOf = (
  judged: JudgedMessage,
  settings: PlanSettings,
  acceptImplausible = false,
): PlanContext => ({
  meter: judged.meter,
  batch: judged.batch,
  batchHandle: batchHandleOf(settings.handlePrefix, judged.batch),
  library: settings.library,
  accounting: judged.accounting,
  timeZone: settings.timeZone,
  ...(judged.limit ? { limit: judged.limit } : {}),
  ...(acceptImplausible ? { acceptImplausible: true } : {}),
});

/** The whole message's refusal when every one of its readings was refused. */
export const refusalOf = (judged: JudgedMessage, rejection: ReadingRejection): QuarantineRecord =>
  messageRefusal(judged.event, judged.now, judged.batch, rejection.reason, rejection.issues);

/** A plan, or the refusal of the whole message when every reading of it was refused. */
export const tryPlan = (
  ctx: PlanContext,
  chunk: ReadingChunk,
  state: ChunkState,
): ChunkDecision | ReadingRejection => {
  try {
    return planChunk(ctx, chunk, state);
  } catch (error) {
    if (error instanceof ReadingRejection) return error;
    throw error;
  }
};

/** A stable identifier of the message's batch: `<prefix>/batch.<meter>_<16 hex of sha256(message id)>`. */
export const batchHandleOf = (prefix: string, batch: Pick<ReadingBatch, 'meterId' | 'messageId'>): string => {
  const digest = createHash('sha256').update(batch.messageId).digest('hex').slice(0, 16);
  return makeHandle(prefix, 'batch', `${batch.meterId.replace(/[^A-Za-z0-9_-]/g, '-')}_${digest}`);
};
