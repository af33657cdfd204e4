import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { MediaObjects } from '../../ports/media-objects.ts';

/** The media bucket through the SDK; keys are chosen by the domain, never by the client. */
export class S3MediaObjects implements MediaObjects {
  readonly #client: S3Client;
  readonly #bucket: string;

  constructor(client: S3Client, bucket: string) {
    this.#client = client;
    this.#bucket = bucket;
  }

  async head(key: string): Promise<{ sizeBytes: number } | undefined> {
    try {
      const result = await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: key }));
      return { sizeBytes: result.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return undefined;
      throw error;
    }
  }

  async readStart(key: string, length: number): Promise<Uint8Array> {
    const result = await this.#client.send(
      new GetObjectCommand({ Bucket: this.#bucket, Key: key, Range: `bytes=0-${length - 1}` }),
    );
    return (await result.Body?.transformToByteArray()) ?? new Uint8Array();
  }

  async readAll(key: string): Promise<Uint8Array> {
    const result = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
    return (await result.Body?.transformToByteArray()) ?? new Uint8Array();
  }

  async sha256(key: string): Promise<string> {
    const result = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
    const hash = createHash('sha256');
    for await (const chunk of result.Body as Readable) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.#client.send(
      new PutObjectCommand({ Bucket: this.#bucket, Key: key, Body: bytes, ContentType: contentType }),
    );
  }

  async copy(fromKey: string, toKey: string, contentType: string): Promise<void> {
    await this.#client.send(
      new CopyObjectCommand({
        Bucket: this.#bucket,
        Key: toKey,
        CopySource: `${this.#bucket}/${fromKey}`,
        ContentType: contentType,
        MetadataDirective: 'REPLACE',
      }),
    );
  }

  async discard(key: string): Promise<void> {
    await this.#client.send(new PutObjectCommand({ Bucket: this.#bucket, Key: key, Body: new Uint8Array() }));
  }

  downloadUrl(key: string, seconds: number, fileName?: string): Promise<string> {
    const disposition =
      fileName === undefined ? undefined : `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    return getSignedUrl(
      this.#client,
      new GetObjectCommand({
        Bucket: this.#bucket,
        Key: key,
        ...(disposition === undefined ? {} : { ResponseContentDisposition: disposition }),
      }),
      { expiresIn: seconds },
    );
  }
}
