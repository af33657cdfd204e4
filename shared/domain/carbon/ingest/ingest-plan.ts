import { localPeriodsOf } from '../rollups/rollup-model.ts';
import type { ChunkDecision, PlanContext } from './chunk-plan.ts';
import { ReadingRejection } from './chunk-plan.ts';
import type { ChunkState } from './meter-hour-state.ts';
import { REGISTER_ORIGIN_PERIOD } from './meter-hour-state.ts';
import { chunkHourWrites, correctionWrites, linkWrites } from './meter-hour-writes.ts';
import { accountSteps, rollupsOf } from './plan-accounting.ts';
import type { ReadingChunk } from './reading-chunks.ts';
import { intervalSteps, memoAccountant, type Periods, registerSteps } from './reading-steps.ts';
import { linksConsistent } from './register-links.ts';

/**
 * Plans what one message does to the `carbon` table, chunk by chunk. Pure: the store reads the
 * state (meter-hour-state.ts), this decides, the store writes the plan in one transaction per chunk.
 * The parts: reading-chunks.ts splits a message into chunks that fit a transaction; reading-steps.ts
 * turns readings into quantities; plan-accounting.ts accounts and sums them per rollup key;
 * meter-hour-writes.ts decides the meter's own items (batch-log.ts: what each entry says).
 */

// The plan's vocabulary, from where callers across the contexts (imports, recalculation, the
// store) have always found it.
export type { BatchLogEntry, ImportSource, LoggedActivity } from './batch-log.ts';
export type { ChunkDecision, ChunkPlan, MeterHourWrite, PlanContext } from './chunk-plan.ts';
export { ReadingRejection } from './chunk-plan.ts';
export type { ChunkState, MeterHourState } from './meter-hour-state.ts';
export { MAX_BATCH_LOG, REGISTER_ORIGIN_PERIOD } from './meter-hour-state.ts';
export { chunkHourWrites } from './meter-hour-writes.ts';
export type { Accounting } from './plan-accounting.ts';
export { accountSteps, rollupsOf } from './plan-accounting.ts';
export type { MeterHourKind, ReadingChunk } from './reading-chunks.ts';
export { chunkReadings } from './reading-chunks.ts';

/**
 * Decides the writes of one chunk given the state read. A chunk whose hours already hold the
 * message id is a duplicate (a redelivery, or a retry after this chunk committed).
 */
export const planChunk = (ctx: PlanContext, chunk: ReadingChunk, state: ChunkState): ChunkDecision => {
  const periodsOf: Periods = (ts) => localPeriodsOf(new Date(ts), ctx.timeZone);
  const stateByHour = new Map(state.hours.map((h) => [h.hour, h]));
  const cumulative = ctx.meter.readingKind === 'cumulative';
  const lastHour = chunk.hours.at(-1) ?? '';
  if (cumulative && !linksConsistent(state.hours, lastHour, REGISTER_ORIGIN_PERIOD)) return { kind: 'stale' };
  // Only the chunk's own hours carry its marker (a neighbour may hold another chunk of this message).
  if (chunk.hours.some((hour) => stateByHour.get(hour)?.messageIds.includes(ctx.batch.messageId)))
    return { kind: 'duplicate' };
  const sorted = [...chunk.readings].sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
  const account = memoAccountant(ctx, periodsOf);
  const steps = cumulative
    ? registerSteps(ctx, sorted, state, periodsOf, account)
    : intervalSteps(ctx, sorted, account);
  if (steps.rejected.length > 0 && steps.rejected.length === ctx.batch.readings.length)
    throw new ReadingRejection(
      steps.rejected[0]?.reason ?? 'implausible',
      steps.rejected.map(({ path, message }) => ({ path, message })),
    );
  const accounting = accountSteps(ctx, steps.accounted, periodsOf, account);
  const meterHours = [
    ...chunkHourWrites(ctx, chunk, stateByHour, steps, accounting, periodsOf),
    ...(cumulative ? correctionWrites(ctx, chunk, stateByHour, accounting) : []),
  ];
  const written = new Set(meterHours.map((w) => w.hour));
  const checks = [...steps.used]
    .sort()
    .filter((hour) => !written.has(hour) && stateByHour.has(hour))
    .map((hour) => ({ hour, version: stateByHour.get(hour)?.version ?? 0 }));
  // Only a chunk that holds a register creates the origin (one whose readings were all refused would
  // claim it and leave it empty).
  const createsOrigin =
    cumulative && steps.newRegisters.length > 0 && !state.hours.some((h) => h.registers.length > 0);
  const origin = cumulative ? linkWrites(state, stateByHour, meterHours, checks, lastHour) : {};
  return {
    kind: 'apply',
    rollups: rollupsOf(ctx, sorted, steps, accounting, periodsOf),
    meterHours,
    checks,
    createsOrigin,
    ...(createsOrigin && origin.next !== undefined ? { originNext: origin.next } : {}),
    factorRefs: accounting.factorRefs,
    accepted: steps.acceptedTs.length,
    rejected: steps.rejected,
    lastReadingAt: sorted.at(-1)?.ts ?? ctx.batch.receivedAt,
  };
};
