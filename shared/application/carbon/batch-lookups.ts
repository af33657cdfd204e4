import type { JudgeDependencies } from '../../domain/carbon/ingest/judge-message.ts';
import type { EnterpriseRecord, MeterRecord } from '../../domain/registry/records.ts';

export type BatchLookups = Pick<
  JudgeDependencies,
  'meters' | 'enterprises' | 'credentials' | 'plausibility' | 'counting'
>;

/**
 * The registry look-ups of one queue batch. Where the ports read many keys at once, the batch's
 * meters and their device credentials are read up front with one BatchGetItem each, then their
 * enterprises and feed counting with one each: 4 requests for 100 messages of 100 meters, where a
 * look-up per meter made about 3.5 a message (docs/performance.md, "Ingest at district scale").
 *
 * Nothing is kept beyond the batch, on purpose: a retired meter or a revoked credential must be
 * refused from the next batch on, and in AWS the registry's Lambdas cannot tell the ingest's warm
 * containers to forget a cached record — a cache of even 60 s would let a revoked device's readings
 * in for that long. The batched reads are consistent, as the single reads were, and cost 4 requests
 * a batch, so the exact check is kept. (Plausible limits are not registry state: PlausibleLimits
 * keeps them for the local day.)
 */
export const batchLookups = async (deps: BatchLookups, events: readonly unknown[]): Promise<BatchLookups> => {
  const lazy = lazyLookups(deps);
  const ids = [...new Set(events.map(meterIdOf).filter((id) => id !== undefined))];
  if (ids.length === 0) return lazy;
  try {
    return await prefetched(deps, lazy, ids);
  } catch {
    // A failed batch read fails nothing by itself: each message then looks up its own meter, and a
    // failure there is that message's (the queue redelivers it), as before batching.
    return lazy;
  }
};

const prefetched = async (deps: BatchLookups, lazy: BatchLookups, ids: string[]): Promise<BatchLookups> => {
  const { meters, credentials, enterprises, counting } = deps;
  const [meterById, credentialById] = await Promise.all([
    meters.getMeters ? meters.getMeters(ids) : undefined,
    credentials?.getMany ? credentials.getMany(ids) : undefined,
  ]);
  const found = meterById ? [...meterById.values()] : [];
  const enterpriseIds = [...new Set(found.map((meter) => meter.enterpriseId))];
  const [enterpriseById, recordedOnly] = await Promise.all([
    meterById && enterprises?.getEnterprises ? enterprises.getEnterprises(enterpriseIds) : undefined,
    meterById && counting?.recordedOnlyOf ? counting.recordedOnlyOf(found) : undefined,
  ]);
  const readIds = new Set(ids);
  const readEnterprises = new Set(enterpriseIds);
  return {
    ...lazy,
    ...(meterById === undefined
      ? {}
      : { meters: { getMeter: readOr(readIds, meterById, lazy.meters.getMeter) } }),
    ...(credentialById === undefined || lazy.credentials === undefined
      ? {}
      : { credentials: { get: readOr(readIds, credentialById, lazy.credentials.get) } }),
    ...(enterpriseById === undefined || lazy.enterprises === undefined
      ? {}
      : {
          enterprises: {
            getEnterprise: readOr<EnterpriseRecord>(
              readEnterprises,
              enterpriseById,
              lazy.enterprises.getEnterprise,
            ),
          },
        }),
    ...(recordedOnly === undefined || lazy.counting === undefined
      ? {}
      : { counting: countingOf(readIds, recordedOnly, lazy.counting.recordedOnly) }),
  };
};

/** The value read up front for a key that was read (absent: there is none), else the port's own look-up. */
const readOr =
  <T>(
    read: ReadonlySet<string>,
    values: ReadonlyMap<string, T>,
    otherwise: (id: string) => Promise<T | undefined>,
  ) =>
  (id: string): Promise<T | undefined> =>
    read.has(id) ? Promise.resolve(values.get(id)) : otherwise(id);

const countingOf = (
  read: ReadonlySet<string>,
  recordedOnly: ReadonlySet<string>,
  otherwise: (meter: MeterRecord) => Promise<boolean>,
): NonNullable<BatchLookups['counting']> => ({
  recordedOnly: (meter) =>
    read.has(meter.id) ? Promise.resolve(recordedOnly.has(meter.id)) : otherwise(meter),
});

/** The meter id a rule event names, if it names one; the contract itself is judged later. */
const meterIdOf = (event: unknown): string | undefined => {
  if (typeof event !== 'object' || event === null || !('meterId' in event)) return undefined;
  const { meterId } = event;
  return typeof meterId === 'string' && meterId.length > 0 ? meterId : undefined;
};

/** One promise per key: a batch asks the registry (and the meter's history) once per meter. */
const memo = <T>(lookup: (id: string) => Promise<T>) => {
  const found = new Map<string, Promise<T>>();
  return (id: string): Promise<T> => {
    const known = found.get(id) ?? lookup(id);
    found.set(id, known);
    return known;
  };
};

/** Look-ups once per meter per batch, one request each, when they happen (ports without batch reads). */
const lazyLookups = (deps: BatchLookups): BatchLookups => {
  const { meters, credentials, plausibility, enterprises, counting } = deps;
  const perMeter = <T>(lookup: (meter: MeterRecord) => Promise<T>) => {
    const known = new Map<string, Promise<T>>();
    return (meter: MeterRecord): Promise<T> => {
      const value = known.get(meter.id) ?? lookup(meter);
      known.set(meter.id, value);
      return value;
    };
  };
  return {
    meters: { getMeter: memo((id) => meters.getMeter(id)) },
    ...(enterprises === undefined
      ? {}
      : { enterprises: { getEnterprise: memo((id) => enterprises.getEnterprise(id)) } }),
    ...(credentials === undefined ? {} : { credentials: { get: memo((id) => credentials.get(id)) } }),
    ...(counting === undefined
      ? {}
      : { counting: { recordedOnly: perMeter((meter) => counting.recordedOnly(meter)) } }),
    ...(plausibility === undefined
      ? {}
      : { plausibility: { limitFor: perMeter((meter) => plausibility.limitFor(meter)) } }),
  };
};
