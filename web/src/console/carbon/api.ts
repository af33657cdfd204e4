import { useMemo } from 'react';
import type * as Budgets from '../../../../shared/contracts/carbon/budgets.ts';
import type * as Emissions from '../../../../shared/contracts/carbon/emissions.ts';
import type * as Quarantine from '../../../../shared/contracts/carbon/quarantine.ts';
import type * as Enterprises from '../../../../shared/contracts/enterprises.ts';
import type * as Identifiers from '../../../../shared/contracts/identifiers.ts';
import type * as Meters from '../../../../shared/contracts/meters.ts';
import { enc, type HttpClient } from '../../shared/api.ts';
import type { QueryOf, ResponseOf } from '../../shared/api-types.ts';
import { useConsole } from '../context.tsx';
import { loadAll } from '../lib/load-all.ts';

export type EmissionSeries = ResponseOf<typeof Emissions.getEmissionsRoute>;
export type Figures = EmissionSeries['totals'];
export type Ranking = ResponseOf<typeof Emissions.getEmissionRankingsRoute>;
export type Trace = ResponseOf<typeof Emissions.traceEmissionsRoute>;
export type TraceBatch = Trace['batches'][number];
export type Budget = ResponseOf<typeof Budgets.listBudgetsRoute>['items'][number];
export type CarbonAlert = ResponseOf<typeof Budgets.listAlertsRoute>['items'][number];
export type Enterprise = ResponseOf<typeof Enterprises.getEnterpriseRoute>;
export type Meter = ResponseOf<typeof Meters.getMeterRoute>;
export type QuarantineList = ResponseOf<typeof Quarantine.listQuarantineRoute>;
export type ResolvedIdentifier = ResponseOf<typeof Identifiers.resolveIdentifierRoute>;
export type Level = EmissionSeries['level'];
export type Granularity = EmissionSeries['granularity'];

type Query = Record<string, string | number | boolean | undefined>;
const q = (query: object) => query as Query;

/** The carbon routes the console reads, each typed by its contract (the workflow's are in ../api.ts). */
export const carbonApi = (http: HttpClient) => ({
  emissions: (query: QueryOf<typeof Emissions.getEmissionsRoute>) =>
    http.request<EmissionSeries>('GET', '/emissions', { query: q(query) }),
  rankings: (query: QueryOf<typeof Emissions.getEmissionRankingsRoute>) =>
    http.request<Ranking>('GET', '/emissions/rankings', { query: q(query) }),
  trace: (query: QueryOf<typeof Emissions.traceEmissionsRoute>) =>
    http.request<Trace>('GET', '/emissions/trace', { query: q(query) }),
  budgets: (query: QueryOf<typeof Budgets.listBudgetsRoute>) =>
    http.request<{ items: Budget[] }>('GET', '/budgets', { query: q(query) }),
  alerts: (query: QueryOf<typeof Budgets.listAlertsRoute>) =>
    http.request<ResponseOf<typeof Budgets.listAlertsRoute>>('GET', '/alerts', { query: q(query) }),
  enterprise: (id: string) => http.request<Enterprise>('GET', `/enterprises/${enc(id)}`),
  meter: (id: string) => http.request<Meter>('GET', `/meters/${enc(id)}`),
  allEnterprises: () =>
    loadAll((cursor) =>
      http.request<{ items: Enterprise[]; cursor?: string }>('GET', '/enterprises', {
        query: { limit: 100, cursor },
      }),
    ),
  allMeters: (enterpriseId?: string) =>
    loadAll((cursor) =>
      http.request<{ items: Meter[]; cursor?: string }>('GET', '/meters', {
        query: { limit: 100, cursor, enterpriseId },
      }),
    ),
  /** The handle's slashes stay path separators (`/identifiers/{id+}`); each part is encoded. */
  resolve: (handle: string) =>
    http.request<ResolvedIdentifier>('GET', `/identifiers/${handle.split('/').map(enc).join('/')}`),
  quarantine: (date: string) =>
    http.request<QuarantineList>('GET', '/quarantine', { query: { date, limit: 100 } }),
  quarantineAt: (date: string, cursor?: string) =>
    http.request<QuarantineList>('GET', '/quarantine', { query: { date, limit: 100, cursor } }),
});

export type CarbonApi = ReturnType<typeof carbonApi>;

export const useCarbonApi = (): CarbonApi => {
  const { http } = useConsole();
  return useMemo(() => carbonApi(http), [http]);
};
