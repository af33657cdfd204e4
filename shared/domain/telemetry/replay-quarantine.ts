import { NotFoundError, UnprocessableError } from '../errors.ts';
import { type IngestDependencies, ingestTelemetry } from './ingest-telemetry.ts';

export interface ReplayAnswer {
  id: string;
  outcome: 'applied' | 'duplicate';
  chunks: { applied: number; duplicate: number };
  replayedAt: string;
}

/**
 * Re-runs a quarantined message through the same ingest use case, e.g. after the meter was
 * registered or its unit corrected. Exactly-once still holds: a message that meanwhile got in is a
 * duplicate. A message that is still refused answers 422 with the new reason and is not quarantined
 * a second time.
 */
export const replayQuarantined = async (
  id: string,
  replayedBy: string,
  deps: IngestDependencies,
): Promise<ReplayAnswer> => {
  const item = await deps.store.getQuarantine(id);
  if (item === undefined) throw new NotFoundError(`quarantined message ${id} not found`);
  const result = await ingestTelemetry(item.original, deps, { storeQuarantine: false });
  if (result.outcome === 'quarantined') {
    const refusal = result.quarantine;
    throw new UnprocessableError(
      `still refused: ${refusal?.reason ?? 'unknown reason'}`,
      refusal?.issues ?? [],
    );
  }
  const replayedAt = deps.clock().toISOString();
  if (!(await deps.store.markReplayed(id, { at: replayedAt, by: replayedBy, outcome: result.outcome })))
    throw new NotFoundError(`quarantined message ${id} not found`);
  return { id, outcome: result.outcome, chunks: result.chunks, replayedAt };
};
