import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import { BUCKETS, type BucketSpec } from '../manifest.ts';

/** s3rver's default credentials; the local runtime hands them to every SDK client. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

// Browser uploads need CORS on the bucket, as the CDK data construct declares for the same buckets.
const CORS_XML = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>POST</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

export interface RunningS3 {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts s3rver on loopback with every manifest bucket (and its CORS) configured. */
export const startS3Local = async (options: {
  port: number;
  dir: string;
  nameOf: (id: string) => string;
}): Promise<RunningS3> => {
  await mkdir(options.dir, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    directory: options.dir,
    silent: true,
    configureBuckets: (Object.entries(BUCKETS) as [string, BucketSpec][]).map(([id, spec]) => ({
      name: options.nameOf(id),
      configs: spec.browserUploads === true ? [CORS_XML] : [],
    })),
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await server.close();
    },
  };
};
