import { useMemo } from 'react';
import type * as Budgets from '../../../../../shared/contracts/carbon/budgets.ts';
import type * as Quarantine from '../../../../../shared/contracts/carbon/quarantine.ts';
import type * as Credentials from '../../../../../shared/contracts/device-credentials.ts';
import type { listFactorsRoute } from '../../../../../shared/contracts/registry.ts';
import { enc, type HttpClient } from '../../../shared/api.ts';
import type { BodyOf, ResponseOf } from '../../../shared/api-types.ts';
import { useConsole } from '../../context.tsx';
import type { Budget } from '../api.ts';

export type BudgetBody = BodyOf<typeof Budgets.putBudgetRoute>;
export type IssuedCredentials = ResponseOf<typeof Credentials.issueMeterCredentialsRoute>;
export type QuarantineItem = ResponseOf<typeof Quarantine.listQuarantineRoute>['items'][number];
export type ReplayResult = ResponseOf<typeof Quarantine.replayQuarantineRoute>;
export type FactorList = ResponseOf<typeof listFactorsRoute>;

/** The admin routes of the carbon side: budgets, device credentials, quarantine replay, the factor library. */
export const carbonAdminApi = (http: HttpClient) => ({
  putBudget: (level: string, id: string, period: string, body: BudgetBody) =>
    http.request<Budget>('PUT', `/budgets/${enc(level)}/${enc(id)}/${enc(period)}`, { body }),
  issueCredentials: (meterId: string, rotate: boolean) =>
    http.request<IssuedCredentials>('POST', `/meters/${enc(meterId)}/credentials`, {
      query: rotate ? { rotate: 'true' } : {},
    }),
  revokeCredentials: (meterId: string) =>
    http.request<undefined>('DELETE', `/meters/${enc(meterId)}/credentials`),
  replay: (id: string, override: boolean) =>
    http.request<ReplayResult>('POST', `/quarantine/${enc(id)}/replay`, {
      query: override ? { override: 'implausible' } : {},
    }),
  factors: () => http.request<FactorList>('GET', '/factors'),
});

export const useCarbonAdminApi = () => {
  const { http } = useConsole();
  return useMemo(() => carbonAdminApi(http), [http]);
};
