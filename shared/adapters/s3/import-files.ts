import type { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ImportFiles } from '../../ports/import-store.ts';

/** Download links to refused-row files live five minutes, as report links do. */
const LINK_SECONDS = 300;

/**
 * The imports bucket: uploaded files read as a stream of rows (CSV through csv-parse, a BOM and
 * either line ending accepted; .xlsx through xlsx-rows.ts), and the refused-row CSVs. The readers
 * are imported when a file of their kind is read: the functions that only link or write files, and
 * the import job's minutes that find nothing, do not load them (docs/performance.md, "Cold start").
 */
export class S3ImportFiles implements ImportFiles {
  readonly #client: S3Client;
  readonly #bucket: string;

  constructor(client: S3Client, bucket: string) {
    this.#client = client;
    this.#bucket = bucket;
  }

  async *rows(key: string, format: 'csv' | 'xlsx'): AsyncIterable<string[]> {
    const { Body } = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
    if (Body === undefined) throw new Error(`import file ${key} is empty`);
    const stream = Body as Readable;
    if (format === 'xlsx') {
      const { xlsxRows } = await import('./xlsx-rows.ts');
      yield* xlsxRows(stream);
      return;
    }
    const { parse } = await import('csv-parse');
    const parser = stream.pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }),
    );
    for await (const record of parser) yield (record as unknown[]).map((cell) => String(cell ?? ''));
  }

  async putCsv(key: string, body: string): Promise<void> {
    await this.#client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: key,
        Body: body,
        ContentType: 'text/csv; charset=utf-8',
      }),
    );
  }

  link(key: string, fileName: string): Promise<string> {
    return getSignedUrl(
      this.#client,
      new GetObjectCommand({
        Bucket: this.#bucket,
        Key: key,
        ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      }),
      { expiresIn: LINK_SECONDS },
    );
  }
}
