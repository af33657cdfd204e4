import { NotFoundError, UnprocessableError } from '../../domain/errors.ts';
import type { IngestDependencies } from './ingest-dependencies.ts';
import { ingestTelemetry } from './ingest-message.ts';

export interface ReplayAnswer {
  id: string;
  outcome: 'applied' | 'duplicate';
  chunks: { applied: number; duplicate: number };
  replayedAt: string;
}

/**
 * Re-runs a quarantined message (or refused reading) through the same ingest use case, e.g. after
 * the meter was registered or its unit corrected. Exactly-once still holds: a message that meanwhile
 * got in is a duplicate. A message that is still refused — the whole of it or any reading — answers
 * 422 with the new reason; nothing is applied and nothing is quarantined a second time. With
 * `override: 'implausible'` (an admin who reviewed a reading refused as implausible or absurd) the
 * plausibility checks are skipped; a number nobody can store stays refused.
 */
export const replayQuarantined = async (
  id: string,
  replayedBy: string,
  deps: IngestDependencies,
  override?: 'implausible',
): Promise<ReplayAnswer> => {
  const item = await deps.store.getQuarantine(id);
  if (item === undefined)
    throw new NotFoundError(`隔离消息 ${id} 不存在 (quarantined message ${id} not found)`);
  const result = await ingestTelemetry(item.original, deps, {
    storeQuarantine: false,
    ...(override ? { acceptImplausible: true } : {}),
  });
  if (result.outcome === 'quarantined') {
    const refusal = result.quarantine;
    throw new UnprocessableError(
      `仍被拒收：${refusal?.reason ?? '原因不明 (unknown reason)'} (still refused)`,
      refusal?.issues ?? [],
    );
  }
  const replayedAt = deps.clock().toISOString();
  const mark = { at: replayedAt, by: replayedBy, outcome: result.outcome, ...(override ? { override } : {}) };
  if (!(await deps.store.markReplayed(id, mark)))
    throw new NotFoundError(`隔离消息 ${id} 不存在 (quarantined message ${id} not found)`);
  return { id, outcome: result.outcome, chunks: result.chunks, replayedAt };
};
