/**
 * The monthly carbon report job (functions/carbon/jobs/carbon-reports.ts, the city, every industry and every
 * enterprise) on the local stack, timed three ways:
 *   base          E enterprises × M meters, October's rollups and 1× raw readings
 *   10× readings  December (also 31 days): the same rollups with `readings` ×10, and 10× the raw
 *                 batch-log items; timed alternately with the base so machine noise hits both
 *   10× firms     October again with 10·E enterprises, the same rollups per enterprise
 * The job reads rollups only, so the first ratio should stay near 1 and the second at 10 or below
 * (subjects grow 10×; the city and industries do not). Raw readings live where the ingest keeps them:
 * the meter-hour rollup item's batch log, and past 100 messages an overflow item
 * `BATCHLOG#meter#<id>` / `<hour>#<messageId>` (rollup-model.ts); the bench writes those overflow
 * items, 12 readings each, in the carbon table the job reads. One process on a shared machine:
 * read the ratios, not the absolute times.
 */
import { localTableName } from '../../infra/local/environment.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { PROGRESS_ENV } from '../../shared/observability/progress.ts';
import { startTestStack } from '../support/local-stack.ts';
import { median, printTable } from './format.ts';
import {
  BASE_MESSAGES_PER_METER,
  batchLogItems,
  METERS,
  registerEnterprises,
  rollupsFor,
  upperRollups,
  writeAll,
} from './report-fixtures.ts';

const ENTERPRISES = Number(process.env.BENCH_REPORT_ENTERPRISES ?? 10);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5);
/**
 * Two 31-day months side by side: October at 1× readings, August at 10×, timed alternately. Both
 * have ended: the job writes no report of a month still running (report-run-mode.ts).
 */
const BASE_MONTH = '2026-10';
const DENSE_MONTH = '2026-08';
type Handler = (event: unknown, context: unknown) => Promise<Record<string, unknown>>;

interface Phase {
  name: string;
  enterprises: number;
  rawItems: number;
  subjects: number;
  times: number[];
}

type RunJob = (month: string, run: number) => Promise<number>;

/**
 * Times the job for each month in turn, `RUNS` rounds after one warm-up round: alternating spreads
 * the noise of a shared machine over every variant instead of landing on one.
 */
const timeAlternately = async (runJob: RunJob, months: readonly string[]) => {
  const times = new Map(months.map((month) => [month, [] as number[]]));
  const subjects = new Map<string, number>();
  for (let run = -1; run < RUNS; run += 1) {
    // Odd rounds go in reverse, so neither variant always runs first.
    for (const month of run % 2 === 0 ? months : [...months].reverse()) {
      const started = performance.now();
      subjects.set(month, await runJob(month, run));
      if (run >= 0) times.get(month)?.push(performance.now() - started);
    }
  }
  return { times, subjects };
};

export const runReportBench = async (): Promise<void> => {
  const t = await startTestStack();
  // The job's progress as a bar on stderr (as `npm run job` shows it) rather than a log line per tenth.
  const progressBefore = process.env[PROGRESS_ENV];
  process.env[PROGRESS_ENV] = 'bar';
  try {
    const carbon = localTableName('carbon');
    const registry = new DynamoRegistryStore(t.dynamo, localTableName('registry'));
    const { handler } = (await import('../../functions/carbon/jobs/carbon-reports.ts')) as {
      handler: Handler;
    };
    const runJob: RunJob = async (month, run) => {
      const outcome = await handler(
        { job: 'carbonMonthlyReport', scheduledTime: new Date().toISOString(), period: month },
        {
          functionName: 'bench',
          awsRequestId: `bench-${month}-${run}`,
          getRemainingTimeInMillis: () => 900_000,
        },
      );
      return Number(outcome.total);
    };
    console.log(
      `\n## Monthly carbon report job: rollups, not readings (${ENTERPRISES} → ${ENTERPRISES * 10} enterprises × ${METERS} meters, median of ${RUNS} runs, Node ${process.version})\n`,
    );
    const raw = BASE_MESSAGES_PER_METER;
    await registerEnterprises(registry, 0, ENTERPRISES);
    await writeAll(t.dynamo, carbon, [
      ...rollupsFor(BASE_MONTH, 0, ENTERPRISES, 1),
      ...upperRollups(BASE_MONTH, ENTERPRISES, 1),
      ...rollupsFor(DENSE_MONTH, 0, ENTERPRISES, 10),
      ...upperRollups(DENSE_MONTH, ENTERPRISES, 10),
    ]);
    await writeAll(t.dynamo, carbon, batchLogItems(BASE_MONTH, ENTERPRISES, 0, raw));
    await writeAll(t.dynamo, carbon, batchLogItems(DENSE_MONTH, ENTERPRISES, 0, raw * 10));
    const small = await timeAlternately(runJob, [BASE_MONTH, DENSE_MONTH]);

    await registerEnterprises(registry, ENTERPRISES, ENTERPRISES * 10);
    await writeAll(t.dynamo, carbon, [
      ...rollupsFor(BASE_MONTH, ENTERPRISES, ENTERPRISES * 10, 1),
      ...upperRollups(BASE_MONTH, ENTERPRISES * 10, 1),
    ]);
    const large = await timeAlternately(runJob, [BASE_MONTH]);

    const phase = (
      name: string,
      enterprises: number,
      rawItems: number,
      result: Awaited<ReturnType<typeof timeAlternately>>,
      month: string,
    ): Phase => ({
      name,
      enterprises,
      rawItems,
      subjects: result.subjects.get(month) ?? 0,
      times: result.times.get(month) ?? [],
    });
    const rawItems = ENTERPRISES * METERS * raw;
    const base = phase(`base ${BASE_MONTH} (1× readings)`, ENTERPRISES, rawItems, small, BASE_MONTH);
    const readings = phase(`${DENSE_MONTH} (10× readings)`, ENTERPRISES, rawItems * 10, small, DENSE_MONTH);
    const firms = phase(`${BASE_MONTH} (10× enterprises)`, ENTERPRISES * 10, rawItems, large, BASE_MONTH);
    const baseMedian = median(base.times);
    printTable(
      ['run', 'enterprises', 'report subjects', 'raw batch items', 'job p50', 'per subject', 'time ×base'],
      [base, readings, firms].map((p) => [
        p.name,
        String(p.enterprises),
        String(p.subjects),
        String(p.rawItems),
        `${(median(p.times) / 1000).toFixed(2)} s`,
        `${(median(p.times) / p.subjects).toFixed(1)} ms`,
        (median(p.times) / baseMedian).toFixed(2),
      ]),
    );
    console.log(
      `\nreadings ×10 → time ×${(median(readings.times) / baseMedian).toFixed(2)} (target ≈ 1); ` +
        `enterprises ×10 → time ×${(median(firms.times) / baseMedian).toFixed(2)} (target ≤ 10; report subjects ×${(firms.subjects / base.subjects).toFixed(2)}: the city and industries do not multiply, the 4 seeded demo enterprises are included)`,
    );
  } finally {
    if (progressBefore === undefined) delete process.env[PROGRESS_ENV];
    else process.env[PROGRESS_ENV] = progressBefore;
    await t.close();
  }
};
