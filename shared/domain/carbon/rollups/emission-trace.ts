import { invalidCursor } from '../../invalid-cursor.ts';
import { parseFactorRef } from '../accounting/factor-refs.ts';
import { type FactorLibrary, findFactorVersion } from '../accounting/factors.ts';
import { GWP_SET_IDS, type GwpSetId, getGwpSet } from '../accounting/gwp.ts';
import { type EmissionFigures, figuresOf, type RollupItem } from './emission-series.ts';
import { comparison, type RecalcLogEntry } from './recalculation-model.ts';
import type { Granularity, RollupLevel } from './rollup-model.ts';

/**
 * Tracing one figure (a target's rollup for one period) back to what produced it: the factor
 * versions and GWP set it names, the meters that contributed, and the ingest's per-message log on
 * those meters' hour items (readings, quantities, CO2e, batch identifiers). Reads rollups only.
 */

export interface TraceMeter {
  id: string;
  handle?: string;
}

export interface TraceBatch {
  meterId: string;
  hour: string;
  messageId: string;
  handle?: string;
  factorRefs: string[];
  gwpSet?: string;
}

export interface TracePorts<B extends TraceBatch> {
  readPeriod(
    level: RollupLevel,
    ids: readonly string[],
    granularity: Granularity,
    period: string,
  ): Promise<Map<string, RollupItem>>;
  readBatchLog(
    meterId: string,
    hours: { firstHour: string; lastHour: string },
    page: { hoursPerPage: number; startKey?: Record<string, unknown> },
  ): Promise<{ items: B[]; recalculations?: RecalcHour[]; nextKey?: Record<string, unknown> }>;
  /** The meters under the target (for a meter: itself). */
  metersOf(): Promise<TraceMeter[]>;
}

export interface TraceInput {
  level: RollupLevel;
  id: string;
  granularity: Granularity;
  period: string;
  limit: number;
  cursor?: string;
}

export interface ResolvedRef {
  ref: string;
  resolved: boolean;
  kind?: 'factor' | 'gwp';
  handle?: string;
  /** The ref names a content hash and the library's record has exactly it (the record as used). */
  hashVerified?: boolean;
  record?: Record<string, unknown>;
}

/** Meter-hour sort keys covering a local period label (`2026-11-31T23` is a safe upper bound). */
export const hoursOfPeriod = (period: string, granularity: Granularity) => {
  if (granularity === 'hour') return { firstHour: period, lastHour: period };
  if (granularity === 'day') return { firstHour: `${period}T00`, lastHour: `${period}T23` };
  return { firstHour: `${period}-01T00`, lastHour: `${period}-31T23` };
};

const GWP_REF = new RegExp(`^(?:gwp[:#])?(${GWP_SET_IDS.join('|')})$`, 'i');

/**
 * Factor refs (`id@version#sha256:…`, or `id@version` from before hashes) and GWP set refs (`AR2`
 * … `AR6`, `gwp:AR5`) → the library's records and handles. A version is immutable (the library
 * refuses a record that no longer matches its hash), so the record of `id@version` is the record as
 * used; a ref whose hash differs from the library's is left unresolved rather than shown wrongly.
 */
export const resolveRefs = (
  refs: readonly string[],
  library: FactorLibrary,
  factorHandle: (factor: { id: string; version: number }) => string,
): ResolvedRef[] =>
  [...new Set(refs)].sort().map((ref) => {
    const gwp = GWP_REF.exec(ref)?.[1]?.toUpperCase() as GwpSetId | undefined;
    if (gwp !== undefined) {
      const set = getGwpSet(gwp);
      return { ref, resolved: true, kind: 'gwp', record: { ...set } };
    }
    const parsed = parseFactorRef(ref);
    const factor = parsed ? findFactorVersion(library, parsed.id, parsed.version) : undefined;
    if (!factor || (parsed?.contentHash !== undefined && parsed.contentHash !== factor.contentHash))
      return { ref, resolved: false };
    return {
      ref,
      resolved: true,
      kind: 'factor',
      handle: factorHandle(factor),
      hashVerified: parsed?.contentHash !== undefined,
      record: { ...factor },
    };
  });

const stringsOf = (value: unknown): string[] =>
  value instanceof Set ? [...value].map(String) : Array.isArray(value) ? value.map(String) : [];

interface TraceCursor {
  /** Index into the contributing meters. */
  m: number;
  /** Where to continue in that meter's hours. */
  k?: Record<string, unknown>;
}

const encode = (cursor: TraceCursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

const decode = (text: string | undefined): TraceCursor => {
  if (text === undefined || text === '') return { m: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as TraceCursor;
    // `k` is a start key: the batch-log reader checks its shape against the query it continues.
    const key = parsed?.k;
    const keyShaped = key === undefined || (typeof key === 'object' && key !== null && !Array.isArray(key));
    if (Number.isInteger(parsed?.m) && parsed.m >= 0 && keyShaped) return parsed;
  } catch {
    // fall through
  }
  throw invalidCursor();
};

/** Hours read per batch-log query: a day's worth keeps a page's reads small and bounded. */
const HOURS_PER_QUERY = 24;

/** The recalculation lines of one meter-hour, as stored on its item. */
export interface RecalcHour {
  meterId: string;
  hour: string;
  lines: RecalcLogEntry[];
}

/** A meter-hour's figures before and after one recalculation, and the versions of each. */
export interface TracedRecalculation {
  meterId: string;
  hour: string;
  id: string;
  at: string;
  accounting: string;
  before: { co2eT: number; co2eMarketT: number; tce: number };
  after: { co2eT: number; co2eMarketT: number; tce: number };
  difference: { co2eT: number; co2eMarketT: number; tce: number };
  previousRefs: string[];
  factorRefs: string[];
}

export interface TraceResult<B extends TraceBatch> {
  figure: EmissionFigures;
  refs: string[];
  meters: { meterId: string; handle?: string; co2eT: number; readings: number }[];
  batches: B[];
  recalculations: TracedRecalculation[];
  cursor?: string;
}

const traced = (hour: RecalcHour): TracedRecalculation[] =>
  hour.lines.map((line) => ({
    meterId: hour.meterId,
    hour: hour.hour,
    id: line.id,
    at: line.at,
    accounting: line.accounting,
    ...comparison(line.before, line.after),
    previousRefs: line.previousRefs,
    factorRefs: line.factorRefs,
  }));

/**
 * Builds one page of a trace. Batches come meter by meter, oldest hour first; a page stops once it
 * holds `limit` entries (on an hour boundary, so it may hold a few more) and the cursor continues it.
 */
export const traceFigure = async <B extends TraceBatch>(
  ports: TracePorts<B>,
  input: TraceInput,
): Promise<TraceResult<B>> => {
  const [figureItem, meters] = await Promise.all([
    ports.readPeriod(input.level, [input.id], input.granularity, input.period).then((m) => m.get(input.id)),
    ports.metersOf(),
  ]);
  const meterItems = await ports.readPeriod(
    'meter',
    meters.map((meter) => meter.id),
    input.granularity,
    input.period,
  );
  const contributors = meters
    .map((meter) => ({ meter, figures: figuresOf(meterItems.get(meter.id)) }))
    .filter(({ figures }) => figures.readings > 0 || figures.co2eT !== 0);
  const hours = hoursOfPeriod(input.period, input.granularity);
  const batches: B[] = [];
  const recalculations: TracedRecalculation[] = [];
  let cursor: TraceCursor | undefined = decode(input.cursor);
  while (cursor && batches.length < input.limit) {
    const contributor = contributors[cursor.m];
    if (!contributor) {
      cursor = undefined;
      break;
    }
    const page = await ports.readBatchLog(contributor.meter.id, hours, {
      hoursPerPage: HOURS_PER_QUERY,
      ...(cursor.k ? { startKey: cursor.k } : {}),
    });
    batches.push(...page.items);
    recalculations.push(...(page.recalculations ?? []).flatMap(traced));
    cursor = page.nextKey ? { m: cursor.m, k: page.nextKey } : { m: cursor.m + 1 };
  }
  if (cursor && cursor.m >= contributors.length) cursor = undefined;
  const refs = [
    ...stringsOf(figureItem?.factorRefs),
    ...batches.flatMap((b) => [...b.factorRefs, b.gwpSet ?? '']),
    ...recalculations.flatMap((r) => r.factorRefs),
  ];
  return {
    figure: figuresOf(figureItem),
    refs: refs.filter((ref) => ref !== ''),
    meters: contributors.map(({ meter, figures }) => ({
      meterId: meter.id,
      ...(meter.handle ? { handle: meter.handle } : {}),
      co2eT: figures.co2eT,
      readings: figures.readings,
    })),
    batches,
    recalculations,
    ...(cursor ? { cursor: encode(cursor) } : {}),
  };
};
