import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_REGION } from '../../infra/local/environment.ts';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../infra/local/local-stack.ts';
import { LOCAL_S3_CREDENTIALS } from '../../infra/local/s3-local.ts';
import { contractChecked } from './response-contract.ts';
import { SHARED_DYNAMODB_ENV } from './shared-dynamodb.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

export interface TestStack {
  stack: LocalStack;
  /** Real SDK clients pointed at the emulators, as any developer tool would be. */
  dynamo: DynamoDBDocumentClient;
  s3: S3Client;
  /**
   * fetch on the local gateway, `token` as the bearer. Every answer is checked against its route's
   * contract (response-contract.ts: status, response schema, no undocumented field, problem+json
   * errors), so each route's own tests validate its responses; a broken answer fails the test.
   */
  api: (path: string, init?: RequestInit & { token?: string }) => Promise<Response>;
  close(): Promise<void>;
}

/** Whether a stack of this file holds the file's tables in the shared DynamoDB Local now. */
let sharedInUse = false;

/**
 * Boots the whole local stack on free ports in a temporary folder; under vitest on the DynamoDB Local
 * all files share (shared-dynamodb.ts), elsewhere (benchmarks) — or for a second stack open at once in
 * one file, whose tables would bear the same names — on one of its own.
 */
export const startTestStack = async (options: Partial<LocalStackOptions> = {}): Promise<TestStack> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'qingshan-test-'));
  const shared = sharedInUse ? undefined : process.env[SHARED_DYNAMODB_ENV];
  if (shared !== undefined) sharedInUse = true;
  const stack = await startLocalStack({
    projectRoot: PROJECT_ROOT,
    dataDir,
    inMemory: true,
    ...(shared === undefined ? {} : { dynamodbEndpoint: shared }),
    ...options,
  }).catch((error: unknown) => {
    if (shared !== undefined) sharedInUse = false;
    throw error;
  });
  const credentials = LOCAL_S3_CREDENTIALS;
  const dynamo = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: stack.urls.dynamodb, region: LOCAL_REGION, credentials }),
  );
  const s3 = new S3Client({
    endpoint: stack.urls.s3,
    region: LOCAL_REGION,
    credentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    stack,
    dynamo,
    s3,
    api: contractChecked((path, init = {}) => {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
      return fetch(`${stack.urls.api}${path}`, { ...rest, headers });
    }),
    close: async () => {
      dynamo.destroy();
      s3.destroy();
      await stack.stop();
      if (shared !== undefined) sharedInUse = false;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

/** Polls until `probe` returns a value (the emulators are asynchronous, as the cloud is). */
export const eventually = async <T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
