/**
 * The request counts the cost model prices (docs/cost.md), copied from named bench runs — the probe
 * on the handlers' SDK client (request-probe.ts) — with the assumptions beside them said as such.
 * Re-run the benches and copy the figures here when the ingest or the case flow changes.
 */
import type { CaseLife, IngestDesign } from './cost-model.ts';

/** Which run the ingest figures come from. */
export const INGEST_RUN =
  "after the deferral: BENCH_SCALE_DAYS=0.25 BENCH_SCALE_HOT_DAYS=0 npm run bench -- scale --soak 60, 2026-12-07 14:57–15:13 UTC, commit 61fbb8a (ingest code of main fdcac1c), load average 24–31, only the ingest's own requests counted; transacted writes priced by the items' sizes (transacted-units.ts)";

/** Which run the case figures come from. */
export const CASES_RUN =
  'BENCH_CLIENTS=10 BENCH_CASES=100 BENCH_READS=100 npm run bench -- cases, 2026-12-07 14:19–14:25 UTC, commit b851c62 (main fdcac1c; bench progress lines only), load average 20–29: POST /cases 1.22 Query, 0.14 GetItem, 0.06 DeleteItem, 1 TransactWriteItems of 7 items (14 units at 2 an item), 14.06 write and 0.95 read units';

/** The ingest function's memory (infra/contexts/carbon.ts, ingestTelemetry: 512 MB). */
const INGEST_MEMORY_GB = 0.5;

export const INGEST_DESIGNS: readonly IngestDesign[] = [
  {
    // The live soak: each meter sends each reading alone, at the fleet's rate (0.56 messages/s);
    // a batch then holds about one message, alone in its transaction: its meter, enterprise,
    // industry and city items × hour, day, month = 12 item writes (a lone group writes the city and
    // industry items in place, not deferred). Priced by the items' sizes after the run: 26.0 units a
    // reading — the meter-hour item is 1–2 KB (4 units), the other 11 under 1 KB (2 each). The 43.4
    // measured before the deferral (commit ef44018) was not broken down (docs/cost.md).
    name: 'live: 1 reading a message, batches of ~1 (measured: live soak)',
    readingsPerMessage: 1,
    messagesPerInvocation: 1,
    writeUnitsPerReading: 26.0,
    readUnitsPerReading: 2.0,
    secondsPerInvocation: 0.1,
    memoryGb: INGEST_MEMORY_GB,
    viaQueue: true,
  },
  {
    // The backfill: one meter-hour a message, batches of 100 messages (the manifest's batch size),
    // merged into group transactions that share their enterprise items and defer the city and
    // industry deltas to one fold a batch (pending items): 0.890 item writes a reading, 2.28 units by
    // the items' sizes (every meter-hour item is over 1 KB). Before the deferral: 0.915 and 2.33.
    name: 'hourly: 4 readings a message, batches of 100 (measured: 6 h backfill)',
    readingsPerMessage: 4,
    messagesPerInvocation: 100,
    writeUnitsPerReading: 2.28,
    readUnitsPerReading: 0.275,
    secondsPerInvocation: 1,
    memoryGb: INGEST_MEMORY_GB,
    viaQueue: true,
  },
  {
    // Not built, not measured: the rule invokes a function per reading, which writes the reading
    // (one item ≤ 1 KB, one unit) and keeps no rollups, so every report reads raw readings.
    name: 'naive: 1 invocation and 1 write a reading, no rollups (by definition)',
    readingsPerMessage: 1,
    messagesPerInvocation: 1,
    writeUnitsPerReading: 1,
    readUnitsPerReading: 0,
    secondsPerInvocation: 0.1,
    memoryGb: INGEST_MEMORY_GB,
    viaQueue: false,
  },
];

/**
 * A case's life. POST /cases is measured (`bench -- cases`); the rest is estimated: the upload (2
 * API calls, the photos put to S3 and a public copy written), ~6 workflow steps (a transaction of ~5
 * items each, 2 units an item) and ~20 reads by people (about one unit each).
 */
export const CASE_LIFE: CaseLife = {
  apiRequests: 30,
  writeUnits: 14.06 + 6 * 5 * 2,
  readUnits: 0.95 + 20,
  mediaGb: 2 * 2 * 0.002,
  s3Puts: 4,
  secondsPerInvocation: 0.1,
  memoryGb: 0.25,
};

/** Provisioned capacity is held at the mean rate times this, for bursts (an assumption). */
export const PROVISIONED_HEADROOM = 2;
