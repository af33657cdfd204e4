import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { REPORT_CONTENT_TYPES, type ReportFormat } from '../../domain/reports/report-index.ts';
import type { ReportFileStore } from '../../ports/report-store.ts';

/** Report files in the private reports bucket; readers get short-lived presigned GET links. */
export class S3ReportFileStore implements ReportFileStore {
  readonly #client: S3Client;
  readonly #bucket: string;

  constructor(client: S3Client, bucket: string) {
    this.#client = client;
    this.#bucket = bucket;
  }

  async write(key: string, body: string, format: ReportFormat): Promise<void> {
    await this.#client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: key,
        Body: body,
        ContentType: REPORT_CONTENT_TYPES[format],
        // HTML opens in the browser; CSV and JSON download with a file name.
        ContentDisposition: format === 'html' ? 'inline' : `attachment; filename="${key.split('/').at(-1)}"`,
      }),
    );
  }

  async read(key: string): Promise<string | undefined> {
    try {
      const result = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
      return await result.Body?.transformToString('utf8');
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  downloadLink(key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.#client, new GetObjectCommand({ Bucket: this.#bucket, Key: key }), {
      expiresIn: expiresInSeconds,
    });
  }
}
