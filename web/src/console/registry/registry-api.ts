import { useMemo } from 'react';
import type * as Enterprises from '../../../../shared/contracts/enterprises.ts';
import type * as Meters from '../../../../shared/contracts/meters.ts';
import { enc, type HttpClient } from '../../shared/api.ts';
import type { BodyOf, ResponseOf } from '../../shared/api-types.ts';
import { useConsole } from '../context.tsx';
import { loadAll } from '../lib/load-all.ts';

export type Enterprise = ResponseOf<typeof Enterprises.listEnterprisesRoute>['items'][number];
export type EnterpriseDetail = ResponseOf<typeof Enterprises.getEnterpriseRoute>;
export type Facility = ResponseOf<typeof Enterprises.createFacilityRoute>;
export type Meter = ResponseOf<typeof Meters.getMeterRoute>;
export type AuditList = ResponseOf<typeof Meters.listMeterAuditRoute>;
export type AuditEntry = AuditList['items'][number];
export type NewEnterprise = BodyOf<typeof Enterprises.createEnterpriseRoute>;
export type EnterpriseChanges = BodyOf<typeof Enterprises.updateEnterpriseRoute>;
export type NewFacility = BodyOf<typeof Enterprises.createFacilityRoute>;
export type FacilityChanges = BodyOf<typeof Enterprises.updateFacilityRoute>;
export type NewMeter = BodyOf<typeof Meters.createMeterRoute>;
export type MeterChanges = BodyOf<typeof Meters.updateMeterRoute>;

/** The version read travels as If-Match (the registry also takes body.version; the header is HTTP's way). */
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** The registry's write and audit routes the admin pages call, typed by their contracts. */
export const registryApi = (http: HttpClient) => ({
  enterprises: () =>
    loadAll((cursor) =>
      http.request<{ items: Enterprise[]; cursor?: string }>('GET', '/enterprises', {
        query: { limit: 100, cursor },
      }),
    ),
  enterprise: (id: string) => http.request<EnterpriseDetail>('GET', `/enterprises/${enc(id)}`),
  createEnterprise: (body: NewEnterprise) => http.request<Enterprise>('POST', '/enterprises', { body }),
  updateEnterprise: (id: string, version: number, body: EnterpriseChanges) =>
    http.request<Enterprise>('PATCH', `/enterprises/${enc(id)}`, { body, headers: ifMatch(version) }),
  createFacility: (enterpriseId: string, body: NewFacility) =>
    http.request<Facility>('POST', `/enterprises/${enc(enterpriseId)}/facilities`, { body }),
  updateFacility: (enterpriseId: string, id: string, version: number, body: FacilityChanges) =>
    http.request<Facility>('PATCH', `/enterprises/${enc(enterpriseId)}/facilities/${enc(id)}`, {
      body,
      headers: ifMatch(version),
    }),
  meters: (query: { enterpriseId?: string | undefined; facilityId?: string | undefined }) =>
    loadAll((cursor) =>
      http.request<{ items: Meter[]; cursor?: string }>('GET', '/meters', {
        query: { limit: 100, cursor, ...query },
      }),
    ),
  meter: (id: string) => http.request<Meter>('GET', `/meters/${enc(id)}`),
  createMeter: (body: NewMeter) => http.request<Meter>('POST', '/meters', { body }),
  updateMeter: (id: string, version: number, body: MeterChanges) =>
    http.request<Meter>('PATCH', `/meters/${enc(id)}`, { body, headers: ifMatch(version) }),
  enterpriseAudit: (id: string) =>
    loadAll((cursor) =>
      http.request<AuditList>('GET', `/enterprises/${enc(id)}/audit`, { query: { limit: 100, cursor } }),
    ),
  meterAudit: (id: string) =>
    loadAll((cursor) =>
      http.request<AuditList>('GET', `/meters/${enc(id)}/audit`, { query: { limit: 100, cursor } }),
    ),
});

export type RegistryApi = ReturnType<typeof registryApi>;

export const useRegistryApi = (): RegistryApi => {
  const { http } = useConsole();
  return useMemo(() => registryApi(http), [http]);
};
