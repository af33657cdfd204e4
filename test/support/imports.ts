import { eventually, type TestStack } from './local-stack.ts';

/** Driving imports through the API as an admin would: upload, create, run the job, read the report. */

export interface ImportReport {
  id: string;
  status: string;
  progress: { rowsDone: number; totalRows: number | null };
  counts: {
    rows: number;
    accepted: number;
    refused: number;
    new: number;
    corrections: number;
    notCounted: number;
    byReason: Record<string, number>;
  };
  refused: { row: number; reason: string; field: string; message: string; fields: Record<string, string> }[];
  links: { refusedCsv?: string };
  withdrawal?: { changed: number; finishedAt?: string };
}

type JobHandler = (event: unknown, context: unknown) => Promise<unknown>;

export const importDriver = (t: TestStack, token: string) => {
  let job: JobHandler | undefined;
  const json = async <T>(path: string, method = 'GET', body?: unknown) => {
    const response = await t.api(path, {
      method,
      token,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const upload = async (content: Uint8Array | string, format: 'csv' | 'xlsx', fileName: string) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const slot = await json<{ uploadId: string; url: string; fields: Record<string, string> }>(
      '/imports/uploads',
      'POST',
      { format, sizeBytes: bytes.length, fileName },
    );
    if (slot.status !== 201)
      throw new Error(`upload slot refused: ${slot.status} ${JSON.stringify(slot.body)}`);
    const form = new FormData();
    for (const [name, value] of Object.entries(slot.body.fields)) form.append(name, value);
    form.append(
      'file',
      new Blob([new Uint8Array(bytes)], { type: slot.body.fields['Content-Type'] ?? '' }),
      fileName,
    );
    const posted = await fetch(slot.body.url, { method: 'POST', body: form });
    if (posted.status !== 204) throw new Error(`upload refused: ${posted.status} ${await posted.text()}`);
    return slot.body.uploadId;
  };
  const runJob = async () => {
    job ??= ((await import('../../functions/jobs/process-imports.ts')) as { handler: JobHandler }).handler;
    return job(
      { job: 'processImports', scheduledTime: new Date().toISOString() },
      { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 },
    );
  };
  /** The report once the import is done: the stack's own scheduler may hold it when the test asks. */
  const settled = (id: string, statuses: readonly string[]) =>
    eventually(async () => {
      const report = (await json<ImportReport>(`/imports/${id}`)).body;
      return statuses.includes(report.status) ? report : undefined;
    }, 60_000);
  return {
    json,
    settled,
    upload,
    runJob,
    /** Uploads, creates the import, runs the job, and returns the report. */
    importFile: async (
      content: Uint8Array | string,
      options: { kind?: string; format?: 'csv' | 'xlsx'; fileName?: string } = {},
    ) => {
      const format = options.format ?? 'csv';
      const fileName = options.fileName ?? `feed.${format}`;
      const uploadId = await upload(content, format, fileName);
      const created = await json<ImportReport>('/imports', 'POST', {
        uploadId,
        format,
        fileName,
        kind: options.kind ?? 'utility-monthly',
      });
      if (created.status !== 202)
        throw new Error(`import refused: ${created.status} ${JSON.stringify(created.body)}`);
      await runJob();
      return (await json<ImportReport>(`/imports/${created.body.id}`)).body;
    },
    withdraw: async (id: string) => {
      const asked = await json<ImportReport>(`/imports/${id}/withdraw`, 'POST');
      if (asked.status !== 202)
        throw new Error(`withdrawal refused: ${asked.status} ${JSON.stringify(asked.body)}`);
      await runJob();
      return settled(id, ['withdrawn']);
    },
  };
};

/** A CSV of the utility template: header in both languages, CRLF, UTF-8 BOM (as Excel saves it). */
export const utilityCsv = (rows: readonly string[]) =>
  `\uFEFF账户编号 accountId,期间 period,用量 quantity,单位 unit\r\n${rows.join('\r\n')}\r\n`;
