import { mapLimited } from '../lib/load-all.ts';
import type { Budget, CarbonApi, EmissionSeries, Figures, Granularity, Meter } from './api.ts';
import { childLevel, type Target } from './drill.ts';
import { industryName } from './labels.ts';
import { bounds, kindOf, lastYear, monthOf, previousPeriod, utcDaysSoFar } from './period.ts';

/** What the dashboard reads for a target and period, from the existing API only. */

const idOf = (target: Target) => (target.level === 'city' ? undefined : target.id);

const totalOf = (api: CarbonApi, target: Target, period: string): Promise<Figures | undefined> =>
  api
    .emissions({
      level: target.level,
      id: idOf(target),
      from: period,
      to: period,
      granularity: kindOf(period),
    })
    .then((answer) => answer.totals);

export interface Figures3 {
  series: EmissionSeries;
  previous?: Figures | undefined;
  yearAgo?: Figures | undefined;
  budgets: { co2e?: Budget | undefined; tce?: Budget | undefined };
}

export const loadFigures = async (
  api: CarbonApi,
  target: Target,
  period: string,
  granularity: Granularity,
): Promise<Figures3> => {
  const budgetLevel = target.level === 'meter' ? undefined : target.level;
  const [series, previous, yearAgo, budgets] = await Promise.all([
    api.emissions({ level: target.level, id: idOf(target), from: period, to: period, granularity }),
    totalOf(api, target, previousPeriod(period)).catch(() => undefined),
    totalOf(api, target, lastYear(period)).catch(() => undefined),
    budgetLevel === undefined
      ? Promise.resolve({ items: [] as Budget[] })
      : api.budgets({ level: budgetLevel, id: target.id ?? 'city' }).catch(() => ({ items: [] as Budget[] })),
  ]);
  // Budgets are set per month (or year); a day's dashboard shows its month's budget.
  const month = monthOf(period);
  const find = (metric: 'co2e' | 'tce') =>
    budgets.items.find((b) => b.period === month && b.metric === metric);
  return { series, previous, yearAgo, budgets: { co2e: find('co2e'), tce: find('tce') } };
};

export interface Child {
  level: Exclude<Target['level'], 'city'>;
  id: string;
  name: string;
  co2eT?: number | undefined;
  co2eMarketT?: number | undefined;
  tce?: number | undefined;
  previousCo2eT?: number | undefined;
  budgetUse?: number | undefined;
  /** Enterprises: tCO2e per 万元 of the month, and over which figure; absent: 无产值数据. */
  intensity?: { value: number; basis: 'valueAdded' | 'outputValue' } | undefined;
}

/** Enterprises' intensity over the period's month (a day shows its month's); none when unreadable. */
const intensitiesOf = async (api: CarbonApi, level: Child['level'], period: string) => {
  if (level !== 'enterprise') return new Map<string, Child['intensity']>();
  const ranking = await api
    .rankings({ level, period: monthOf(period), metric: 'intensity', limit: 1000 })
    .catch(() => undefined);
  return new Map(
    (ranking?.items ?? []).flatMap((item) =>
      item.intensity
        ? [[item.id, { value: item.intensity.tCO2ePer10kYuan, basis: item.intensity.basis }]]
        : [],
    ),
  );
};

/** The level below the target, each with its figures now and in the period before (for growth). */
export const loadChildren = async (api: CarbonApi, target: Target, period: string): Promise<Child[]> => {
  const level = childLevel(target.level);
  if (level === undefined) return [];
  const members = await membersOf(api, target, level);
  const [[now, before], intensities] = await Promise.all([
    Promise.all([period, previousPeriod(period)].map((p) => api.rankings({ level, period: p, limit: 100 }))),
    intensitiesOf(api, level, period),
  ]);
  const nowById = new Map(now?.items.map((item) => [item.id, item]));
  const beforeById = new Map(before?.items.map((item) => [item.id, item]));
  return members.map(({ id, name }) => {
    const ranked = nowById.get(id);
    return {
      level,
      id,
      name,
      co2eT: ranked?.co2eT,
      co2eMarketT: ranked?.co2eMarketT,
      tce: ranked?.tce,
      previousCo2eT: beforeById.get(id)?.co2eT,
      budgetUse: ranked?.budget?.use,
      intensity: intensities.get(id),
    };
  });
};

const membersOf = async (
  api: CarbonApi,
  target: Target,
  level: Child['level'],
): Promise<{ id: string; name: string }[]> => {
  if (level === 'meter') {
    const meters = await api.allMeters(target.id);
    return meters.items.map((m) => ({ id: m.id, name: `${m.name}（${m.id}）` }));
  }
  const enterprises = (await api.allEnterprises()).items;
  if (level === 'enterprise')
    return enterprises.filter((e) => e.industryCode === target.id).map((e) => ({ id: e.id, name: e.name }));
  const codes = [...new Set(enterprises.map((e) => e.industryCode))].sort();
  return codes.map((code) => ({ id: code, name: industryName(code) }));
};

export interface Completeness {
  meters: number;
  reporting: number;
  offline: string[];
  /** Quarantined messages of the period's meters; undefined when the caller may not read the quarantine. */
  quarantined?: number | undefined;
}

/** Meters in scope, how many sent data in the period, which were reported offline, what was quarantined. */
export const loadCompleteness = async (
  api: CarbonApi,
  target: Target,
  period: string,
  admin: boolean,
): Promise<Completeness> => {
  const meters = await metersOf(api, target);
  const [start, end] = bounds(period);
  const ids = new Set(meters.map((m) => m.id));
  const [ranked, alerts, quarantined] = await Promise.all([
    api.rankings({ level: 'meter', period, limit: 100 }),
    api.alerts({ kind: 'meterOffline', from: new Date(start).toISOString(), limit: 100 }),
    admin ? quarantineCount(api, ids, period) : Promise.resolve(undefined),
  ]);
  const reporting = ranked.items.filter((m) => ids.has(m.id) && (m.co2eT > 0 || m.tce > 0)).length;
  const offline = [
    ...new Set(
      alerts.items
        // An offline alert is raised once per silence and never cleared: those raised in the period.
        .filter((a) => ids.has(a.targetId) && Date.parse(a.raisedAt) < end)
        .map((a) => a.targetId),
    ),
  ];
  return { meters: ids.size, reporting, offline, quarantined };
};

const metersOf = async (api: CarbonApi, target: Target): Promise<Meter[]> => {
  if (target.level === 'meter' && target.id !== undefined) return [await api.meter(target.id)];
  const all = (await api.allMeters(target.level === 'enterprise' ? target.id : undefined)).items;
  return target.level === 'industry' ? all.filter((m) => m.industryCode === target.id) : all;
};

const quarantineCount = async (api: CarbonApi, meterIds: Set<string>, period: string) => {
  const days = await mapLimited(utcDaysSoFar(period), 4, (day) => api.quarantine(day));
  return days
    .flatMap((d) => d.items)
    .filter((item) => item.meterId !== undefined && meterIds.has(item.meterId)).length;
};
