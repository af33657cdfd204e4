import { useMemo } from 'react';
import type * as Imports from '../../../../shared/contracts/imports.ts';
import { enc, type HttpClient, send } from '../../shared/api.ts';
import type { BodyOf, ResponseOf } from '../../shared/api-types.ts';
import { useConsole } from '../context.tsx';
import { loadAll } from '../lib/load-all.ts';

export type ImportView = ResponseOf<typeof Imports.getImportRoute>;
export type ImportSummary = ResponseOf<typeof Imports.listImportsRoute>['items'][number];
export type ImportAccount = ResponseOf<typeof Imports.listImportAccountsRoute>['items'][number];
export type AccountBody = BodyOf<typeof Imports.putImportAccountRoute>;
export type NewImport = BodyOf<typeof Imports.createImportRoute>;

/** The imports routes the console calls, typed by their contracts (docs/imports.md). */
export const importsApi = (http: HttpClient) => ({
  list: () =>
    loadAll((cursor) =>
      http.request<ResponseOf<typeof Imports.listImportsRoute>>('GET', '/imports', {
        query: { limit: 100, cursor },
      }),
    ),
  get: (id: string) => http.request<ImportView>('GET', `/imports/${enc(id)}`),
  withdraw: (id: string) => http.request<ImportView>('POST', `/imports/${enc(id)}/withdraw`),
  create: (body: NewImport) => http.request<ImportView>('POST', '/imports', { body }),
  accounts: () => http.request<ResponseOf<typeof Imports.listImportAccountsRoute>>('GET', '/import-accounts'),
  putAccount: (accountId: string, body: AccountBody) =>
    http.request<ImportAccount>('PUT', `/import-accounts/${enc(accountId)}`, { body }),
  /**
   * The file by the presigned POST: a slot from the API, the bytes straight to storage with the
   * slot's form fields (the policy checks size and type), and the upload id to import.
   */
  upload: async (file: File, format: 'csv' | 'xlsx'): Promise<string> => {
    const slot = await http.request<ResponseOf<typeof Imports.createImportUploadRoute>>(
      'POST',
      '/imports/uploads',
      { body: { format, sizeBytes: file.size, fileName: file.name } },
    );
    const form = new FormData();
    for (const [name, value] of Object.entries(slot.fields)) form.append(name, value);
    form.append('file', new Blob([file], { type: slot.fields['Content-Type'] ?? file.type }), file.name);
    const stored = await send(slot.url, { method: 'POST', body: form });
    if (!stored.ok) throw new Error(`上传失败（存储拒绝，${stored.status}）`);
    return slot.uploadId;
  },
});

export type ImportsApi = ReturnType<typeof importsApi>;

export const useImportsApi = (): ImportsApi => {
  const { http } = useConsole();
  return useMemo(() => importsApi(http), [http]);
};
