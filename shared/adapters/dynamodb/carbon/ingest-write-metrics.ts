/**
 * DynamoDB counters of the ingest, for the benchmark (the local runtime runs handlers in process,
 * so the bench reads them directly). `itemWrites` counts the items of committed transactions (all
 * are writes: rollup updates, neighbour bumps, the register origin):
 * the figure "item writes per reading"; `writeRequests` counts TransactWriteItems calls.
 */
export interface IngestWriteMetrics {
  writeRequests: number;
  committed: number;
  cancelled: number;
  itemWrites: number;
  /** Of itemWrites: register neighbours bumped (cumulative meters). */
  neighbourBumps: number;
  /** Message chunks in committed transactions (more than `committed` when batches merge). */
  chunksCommitted: number;
  readRequests: number;
  /** Fold transactions of pending items sent, cancelled, and pending items they folded. */
  folds: number;
  foldsCancelled: number;
  foldedPending: number;
}

export const ingestWriteMetrics: IngestWriteMetrics = {
  writeRequests: 0,
  committed: 0,
  cancelled: 0,
  itemWrites: 0,
  neighbourBumps: 0,
  chunksCommitted: 0,
  readRequests: 0,
  folds: 0,
  foldsCancelled: 0,
  foldedPending: 0,
};

export const resetIngestWriteMetrics = (): void => {
  for (const name of Object.keys(ingestWriteMetrics) as (keyof IngestWriteMetrics)[])
    ingestWriteMetrics[name] = 0;
};
