import { getDocumentClient } from '../../../shared/adapters/aws-clients.ts';
import { DynamoBatchLogReader } from '../../../shared/adapters/dynamodb/carbon/batch-log-reader.ts';
import { DynamoRecalculationStore } from '../../../shared/adapters/dynamodb/carbon/recalculation-store.ts';
import { allMeters } from '../../../shared/application/registry/registry-lists.ts';
import { tableName, timeZone } from '../../../shared/config/env.ts';
import { traceEmissionsRoute } from '../../../shared/contracts/carbon/emissions-trace.ts';
import { factorHandle } from '../../../shared/domain/carbon/accounting/factor-handle.ts';
import { loadFactorLibrary } from '../../../shared/domain/carbon/accounting/factors.ts';
import {
  resolveRefs,
  type TraceMeter,
  traceFigure,
} from '../../../shared/domain/carbon/rollups/emission-trace.ts';
import {
  granularityOfPeriod,
  isPeriodLabel,
  periodUtcRange,
} from '../../../shared/domain/carbon/rollups/period-range.ts';
import { recalculationsTouching } from '../../../shared/domain/carbon/rollups/recalculation-touch.ts';
import type { RollupLevel } from '../../../shared/domain/carbon/rollups/rollup-model.ts';
import { explainEntry } from '../../../shared/domain/carbon/rollups/trace-explain.ts';
import { UnprocessableError } from '../../../shared/domain/errors.ts';
import type { MeterRecord } from '../../../shared/domain/registry/records.ts';
import type { RegistryReader } from '../../../shared/ports/registry-store.ts';
import { httpHandler } from '../../middleware/http.ts';
import { carbonStore, identifierPrefix, registryReader, resolveTarget } from './emissions-context.ts';

const store = carbonStore();
const registry = registryReader();
const batchLog = new DynamoBatchLogReader(getDocumentClient(), tableName('carbon'));
const recalculations = new DynamoRecalculationStore(getDocumentClient(), tableName('carbon'));

/** The meters under a target: a meter itself, an enterprise's, an industry's, or the city's. */
const metersUnder = async (
  reader: RegistryReader,
  level: RollupLevel,
  id: string,
): Promise<MeterRecord[]> => {
  if (level === 'meter') {
    const meter = await reader.getMeter(id);
    return meter ? [meter] : [];
  }
  const meters = await allMeters(reader, level === 'enterprise' ? { enterpriseId: id } : {});
  return meters.filter((meter) => level !== 'industry' || meter.industryCode === id);
};

const pick = (meter: MeterRecord): TraceMeter => ({ id: meter.id, handle: meter.handle });

/** The industrial-internet identifiers of the enterprises whose meters contributed. */
const enterprisesOf = async (meters: readonly MeterRecord[], contributing: ReadonlySet<string>) => {
  const ids = [...new Set(meters.filter((m) => contributing.has(m.id)).map((m) => m.enterpriseId))].sort();
  const records = await Promise.all(ids.map((id) => registry.getEnterprise(id)));
  return records.flatMap((e) => (e ? [{ enterpriseId: e.id, name: e.name, handle: e.handle }] : []));
};

const checkPeriod = (period: string, granularity?: string) => {
  const found = granularityOfPeriod(period);
  if (!found || !isPeriodLabel(period) || (granularity && granularity !== found)) {
    throw new UnprocessableError(
      '统计周期 period 不是与粒度相符的本地小时、日或月 (period is not a local hour, day or month of the granularity)',
      [
        {
          path: '/query/period',
          message:
            '请用与粒度相符的 2026-11、2026-11-28 或 2026-11-28T09 (use 2026-11, 2026-11-28 or 2026-11-28T09, matching granularity)',
        },
      ],
    );
  }
  return found;
};

/**
 * A figure traced to what made it: the factor records as used, each batch of readings replayed
 * step by step with the versions it names (trace-explain.ts), the meters, enterprises and batches
 * with their identifiers, and every recalculation of the hours shown (before and after).
 */
export const handler = httpHandler(traceEmissionsRoute, async ({ query }) => {
  const granularity = checkPeriod(query.period, query.granularity);
  const target = await resolveTarget(registry, query.level, query.id);
  const meters = await metersUnder(registry, query.level, target.id);
  const byId = new Map(meters.map((m) => [m.id, m]));
  const page = await traceFigure(
    {
      readPeriod: (level, ids, gran, period) => store.readPeriod(level, ids, gran, period),
      readBatchLog: (meterId, hours, p) => batchLog.readBatchLog(meterId, hours, p),
      metersOf: async () => meters.map(pick),
    },
    {
      level: query.level,
      id: target.id,
      granularity,
      period: query.period,
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    },
  );
  const library = loadFactorLibrary();
  const prefix = identifierPrefix();
  const range = periodUtcRange(query.period, timeZone());
  return {
    level: query.level,
    id: target.id,
    ...(target.handle ? { handle: target.handle } : {}),
    granularity,
    period: query.period,
    utcRange: { start: range.start.toISOString(), end: range.end.toISOString() },
    figure: page.figure,
    factors: resolveRefs(page.refs, library, (factor) => factorHandle(prefix, factor)),
    meters: page.meters,
    enterprises: await enterprisesOf(meters, new Set(page.meters.map((m) => m.meterId))),
    batches: page.batches.map((batch) => ({
      ...batch,
      explanation: explainEntry(batch, library, byId.get(batch.meterId)),
    })),
    recalculations: page.recalculations,
    recalculationRuns: recalculationsTouching(
      await recalculations.listRecent(50),
      { level: query.level, id: target.id, period: query.period },
      meters,
    ),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
});
