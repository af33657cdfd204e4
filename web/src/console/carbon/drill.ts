import type { CarbonApi, Granularity, Level } from './api.ts';
import { industryName, LEVEL_LABELS } from './labels.ts';

/** Where the dashboard is: a target (city, an industry, an enterprise, a meter) and a period, all in the URL. */
export interface Target {
  level: Level;
  /** Absent for the city. */
  id?: string | undefined;
}

export interface Place extends Target {
  name: string;
}

const LEVELS: readonly Level[] = ['city', 'industry', 'enterprise', 'meter'];

export const targetOf = (level: string | undefined, id: string | undefined): Target =>
  level !== undefined && (LEVELS as readonly string[]).includes(level) && level !== 'city' && id
    ? { level: level as Level, id }
    : { level: 'city' };

export const childLevel = (level: Level): Exclude<Level, 'city'> | undefined =>
  level === 'city'
    ? 'industry'
    : level === 'industry'
      ? 'enterprise'
      : level === 'enterprise'
        ? 'meter'
        : undefined;

const query = (values: Record<string, string | undefined>) =>
  Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

/** The dashboard's path for a target and period (under /console/). */
export const dashboardPath = (target: Target, period: string, granularity?: Granularity): string =>
  `carbon?${query({ level: target.level === 'city' ? undefined : target.level, id: target.id, period, gran: granularity })}`;

/** The trace page of one figure: a target's total over one period (month, day or hour). */
export const tracePath = (target: Target, period: string): string =>
  `carbon/trace?${query({ level: target.level, id: target.id, period })}`;

export const CITY: Place = { level: 'city', name: LEVEL_LABELS.city };

/** The breadcrumb from the city down to the target, names read from the registry. */
export const drillPath = async (api: CarbonApi, target: Target): Promise<Place[]> => {
  if (target.level === 'city' || target.id === undefined) return [CITY];
  if (target.level === 'industry')
    return [CITY, { level: 'industry', id: target.id, name: industryName(target.id) }];
  const meter = target.level === 'meter' ? await api.meter(target.id) : undefined;
  const enterprise = await api.enterprise(meter?.enterpriseId ?? target.id);
  const path: Place[] = [
    CITY,
    { level: 'industry', id: enterprise.industryCode, name: industryName(enterprise.industryCode) },
    { level: 'enterprise', id: enterprise.id, name: enterprise.name },
  ];
  if (meter !== undefined) path.push({ level: 'meter', id: meter.id, name: `${meter.name}（${meter.id}）` });
  return path;
};
