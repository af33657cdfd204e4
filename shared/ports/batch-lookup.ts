/** One readings batch (an MQTT message) as the ingest logged it, gathered across the hours it touched. */
export interface BatchSummary {
  handle: string;
  meterId: string;
  messageId: string;
  receivedAt?: string;
  /** Local meter-hour keys the batch contributed to, oldest first. */
  hours: string[];
  readingCount: number;
  firstReadingAt?: string;
  lastReadingAt?: string;
  co2eT: number;
  /** `id@version` of each factor version the batch was accounted with. */
  factorRefs: string[];
  gwpSet?: string;
}

/** Finds a batch of one meter by its handle (`…/batch.<meter>_<digest>`). */
export interface BatchLookup {
  findBatch(meterId: string, handle: string): Promise<BatchSummary | undefined>;
}
