import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoBatchLogReader } from '../../shared/adapters/dynamodb/batch-log-reader.ts';
import { tableName, timeZone } from '../../shared/config/env.ts';
import { traceEmissionsRoute } from '../../shared/contracts/emissions.ts';
import { loadFactorLibrary } from '../../shared/domain/carbon/factors.ts';
import { resolveRefs, type TraceMeter, traceFigure } from '../../shared/domain/emissions/emission-trace.ts';
import {
  granularityOfPeriod,
  isPeriodLabel,
  periodUtcRange,
} from '../../shared/domain/emissions/period-range.ts';
import type { RollupLevel } from '../../shared/domain/emissions/rollup-model.ts';
import { UnprocessableError } from '../../shared/domain/errors.ts';
import type { MeterRecord } from '../../shared/domain/registry/records.ts';
import { allMeters } from '../../shared/domain/registry/registry-lists.ts';
import type { RegistryReader } from '../../shared/ports/registry-store.ts';
import { httpHandler } from '../middleware/http.ts';
import { factorHandle } from '../registry/list-factors.ts';
import { carbonStore, identifierPrefix, registryReader, resolveTarget } from './emissions-context.ts';

const store = carbonStore();
const registry = registryReader();
const batchLog = new DynamoBatchLogReader(getDocumentClient(), tableName('carbon'));

/** The meters under a target: a meter itself, an enterprise's, an industry's, or the city's. */
const metersUnder = async (reader: RegistryReader, level: RollupLevel, id: string): Promise<TraceMeter[]> => {
  const pick = (meter: MeterRecord): TraceMeter => ({ id: meter.id, handle: meter.handle });
  if (level === 'meter') {
    const meter = await reader.getMeter(id);
    return meter ? [pick(meter)] : [];
  }
  const meters = await allMeters(reader, level === 'enterprise' ? { enterpriseId: id } : {});
  return meters.filter((meter) => level !== 'industry' || meter.industryCode === id).map(pick);
};

export const handler = httpHandler(traceEmissionsRoute, async ({ query }) => {
  const granularity = granularityOfPeriod(query.period);
  if (
    !granularity ||
    !isPeriodLabel(query.period) ||
    (query.granularity && query.granularity !== granularity)
  ) {
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
  const target = await resolveTarget(registry, query.level, query.id);
  const page = await traceFigure(
    {
      readPeriod: (level, ids, gran, period) => store.readPeriod(level, ids, gran, period),
      readBatchLog: (meterId, hours, p) => batchLog.readBatchLog(meterId, hours, p),
      metersOf: () => metersUnder(registry, query.level, target.id),
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
    factors: resolveRefs(page.refs, loadFactorLibrary(), (factor) => factorHandle(prefix, factor)),
    meters: page.meters,
    batches: page.batches,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
});
