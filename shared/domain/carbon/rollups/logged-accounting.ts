import type { EnergyType, EnterpriseRecord } from '../../registry/records.ts';
import type { AccountingDefaults } from '../accounting/accounting-context.ts';
import type { AccountingContext } from '../accounting/accounting-types.ts';
import { parseFactorRef } from '../accounting/factor-refs.ts';
import type { EmissionFactor, FactorLibrary } from '../accounting/factors.ts';
import {
  DEFAULT_GRID_PROGRAMME,
  type GridProgrammeId,
  isGridProgrammeId,
} from '../accounting/grid-programmes.ts';
import { getGwpSet, isGwpSetId } from '../accounting/gwp.ts';
import type { MeasuredParameter } from '../accounting/measured-parameters.ts';
import { type AccountingMethodId, isAccountingMethodId } from '../accounting/methods.ts';
import {
  type ActivityMeter,
  MARKET_PROGRAMME,
  type MeterAccounting,
  meterAccountingFor,
} from './meter-accounting.ts';

/**
 * What one batch-log entry was accounted with, rebuilt from what the entry names, so its figures can
 * be replayed (the trace: with the factor versions it names) or recomputed (a recalculation: with
 * today's versions). Entries written before methods were named were computed by the old entry point,
 * i.e. `ipcc-2006` on the regional grid and the residual mix; entries without the meter snapshot
 * are rebuilt from the meter's current registry record. Pure.
 */

export interface LoggedEntry {
  hour: string;
  factorRefs: readonly string[];
  gwpSet?: string;
  method?: string;
  programme?: string;
  marketProgramme?: string;
  measuredParameters?: readonly unknown[];
  activity?: { energyType: string; unit: string; gridRegion?: string; greenPower?: boolean };
}

export type Rebuilt<T> = { ok: true; value: T } | { ok: false; problem: string };

const LEGACY_METHOD: AccountingMethodId = 'ipcc-2006';

/** The meter as the entry accounted it (its snapshot), else as the registry holds it now. */
export const loggedMeter = (
  entry: LoggedEntry,
  current: ActivityMeter | undefined,
): Rebuilt<ActivityMeter> => {
  const measured = (entry.measuredParameters ?? []) as MeasuredParameter[];
  if (entry.activity) {
    return {
      ok: true,
      value: {
        energyType: entry.activity.energyType as EnergyType,
        unit: entry.activity.unit,
        greenPower: entry.activity.greenPower ?? false,
        ...(entry.activity.gridRegion === undefined ? {} : { gridRegion: entry.activity.gridRegion }),
        ...(measured.length > 0 ? { measuredParameters: measured } : {}),
      },
    };
  }
  if (current === undefined)
    return {
      ok: false,
      problem:
        '批次记录未保存计量表快照，且该表已不在登记簿中 (the entry names no meter snapshot and the meter is gone)',
    };
  const { measuredParameters: _now, ...rest } = current;
  return { ok: true, value: { ...rest, ...(measured.length > 0 ? { measuredParameters: measured } : {}) } };
};

/** The method, programmes and GWP set the entry names. */
export const loggedAccounting = (entry: LoggedEntry, meter: ActivityMeter): Rebuilt<MeterAccounting> => {
  const method = entry.method ?? LEGACY_METHOD;
  if (!isAccountingMethodId(method))
    return { ok: false, problem: `未知的核算方法 ${method} (unknown method ${method})` };
  if (!isGwpSetId(entry.gwpSet))
    return {
      ok: false,
      problem: `未知的 GWP 值集 ${String(entry.gwpSet)} (unknown GWP set ${String(entry.gwpSet)})`,
    };
  const programme = programmeOr(entry.programme, DEFAULT_GRID_PROGRAMME);
  const market = programmeOr(entry.marketProgramme, MARKET_PROGRAMME);
  if (programme === undefined || market === undefined)
    return { ok: false, problem: '未知的因子方案 (unknown programme)' };
  const base = { method, gwpSet: getGwpSet(entry.gwpSet) };
  const location: AccountingContext = { ...base, programme };
  return {
    ok: true,
    value:
      meter.energyType === 'electricity'
        ? { location, market: { ...base, programme: market } }
        : { location },
  };
};

const programmeOr = (id: string | undefined, fallback: GridProgrammeId): GridProgrammeId | undefined =>
  id === undefined ? fallback : isGridProgrammeId(id) ? id : undefined;

/** The accounting in force now: the deployment's choices and the enterprise's programme. */
export const currentAccounting = (
  defaults: AccountingDefaults,
  meter: ActivityMeter,
  enterprise?: Pick<EnterpriseRecord, 'factorProgramme'>,
): MeterAccounting => meterAccountingFor(defaults, meter, enterprise);

/**
 * The library narrowed to exactly the factor versions the entry names, each checked against the
 * content hash in its ref: a replay with it selects what the entry used, whatever later versions
 * exist. A ref the library cannot honour (version gone, hash different) makes the replay impossible.
 */
export const pinnedLibrary = (library: FactorLibrary, refs: readonly string[]): Rebuilt<FactorLibrary> => {
  const factors: EmissionFactor[] = [];
  for (const ref of refs) {
    const parsed = parseFactorRef(ref);
    if (parsed === undefined) return { ok: false, problem: `不是因子引用：${ref} (not a factor reference)` };
    const factor = library.factors.find((f) => f.id === parsed.id && f.version === parsed.version);
    if (factor === undefined)
      return {
        ok: false,
        problem: `因子库中没有 ${parsed.id}@${parsed.version} (${parsed.id}@${parsed.version} is not in the library)`,
      };
    if (parsed.contentHash !== undefined && parsed.contentHash !== factor.contentHash)
      return {
        ok: false,
        problem: `${ref} 与因子库中的哈希 ${factor.contentHash} 不符 (${ref} does not match the library's hash)`,
      };
    factors.push(factor);
  }
  return { ok: true, value: { factors } };
};
