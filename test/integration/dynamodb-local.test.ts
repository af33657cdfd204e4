import { readFileSync } from 'node:fs';
import {
  CreateTableCommand,
  type DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTableInput,
  localClient,
  type RunningDynamo,
  startDynamoDbLocal,
} from '../../infra/local/dynamodb-local.ts';
import { freePort } from '../../infra/local/free-port.ts';
import { batchGetAll } from '../../shared/adapters/dynamodb/batch-get.ts';
import {
  failedConditionIndex,
  isConditionFailed,
  whenConditionFails,
} from '../../shared/adapters/dynamodb/conditional-write.ts';
import { retryOnTransactionConflict } from '../../shared/adapters/dynamodb/transaction-conflict.ts';

/** The local addresses (hex, as the kernel prints them) of sockets listening on `port` (Linux /proc). */
const listeningAddresses = (port: number): string[] => {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // local_address is "ADDR:PORT", state 0A is LISTEN.
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')
      .map((fields) => (fields[1] ?? '').split(':')[0] ?? ''),
  );
};

const LOOPBACK_V4 = '0100007F';
const LOOPBACK_V4_MAPPED = '0000000000000000FFFF00000100007F';

/**
 * DynamoDB Local itself (where it listens), then the DynamoDB helpers every adapter shares against it: conditional-write outcomes,
 * retries of transaction conflicts (p-retry) and of unprocessed BatchGet keys. DynamoDB Local cannot
 * be made to conflict or throttle on cue, so those two faults are injected into the real client's
 * middleware stack; the writes and reads themselves reach the emulator.
 */
const TABLE = 'helpers';
let dynamo: RunningDynamo;
let raw: DynamoDBClient;

const documentClient = () => DynamoDBDocumentClient.from(localClient(dynamo.endpoint));
const conflict = () =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'TransactionConflict' }],
  });
const putIfAbsent = (pk: string) =>
  new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: TABLE, Item: { pk, sk: 'A' }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ],
  });

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({ port: await freePort() });
  raw = localClient(dynamo.endpoint);
  await raw.send(
    new CreateTableCommand(
      createTableInput(TABLE, { description: 'test table', partitionKey: 'pk', sortKey: 'sk', indexes: [] }),
    ),
  );
}, 60_000);
afterAll(async () => {
  raw?.destroy();
  await dynamo?.stop();
});

describe('DynamoDB Local', () => {
  it('listens on 127.0.0.1 only, not on every interface', () => {
    const port = Number(new URL(dynamo.endpoint).port);

    const addresses = listeningAddresses(port);

    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect([LOOPBACK_V4, LOOPBACK_V4_MAPPED]).toContain(address);
    expect(dynamo.endpoint).toBe(`http://127.0.0.1:${port}`);
  });
});

describe('conditional writes', () => {
  it('tells a failed condition from success, single item and in a transaction', async () => {
    const client = documentClient();
    const put = () =>
      client.send(
        new PutCommand({
          TableName: TABLE,
          Item: { pk: 'c1', sk: 'A' },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );

    const first = await whenConditionFails(
      put().then(() => 'written'),
      () => 'exists',
    );
    const second = await whenConditionFails(
      put().then(() => 'written'),
      () => 'exists',
    );
    const transaction = await client.send(putIfAbsent('c1')).catch((error: unknown) => error);
    const single = await put().catch((error: unknown) => error);

    expect([first, second]).toEqual(['written', 'exists']);
    expect(isConditionFailed(single)).toBe(true);
    expect(failedConditionIndex(transaction)).toBe(0);
    expect(failedConditionIndex(single)).toBe(-1);
  });

  it('rethrows what is not a failed condition', async () => {
    const bad = documentClient().send(
      new PutCommand({ TableName: 'no-such-table', Item: { pk: 'x', sk: 'y' } }),
    );
    await expect(whenConditionFails(bad, () => 'exists')).rejects.toThrow(/non-existent table|not found/i);
  });
});

describe('retryOnTransactionConflict', () => {
  it('retries a conflicted transaction until it goes through', async () => {
    const client = documentClient();
    let sends = 0;
    client.middlewareStack.add(
      (next) => async (args) => {
        sends += 1;
        if (sends <= 2) throw conflict();
        return next(args);
      },
      { step: 'initialize', name: 'conflictTwice' },
    );

    await retryOnTransactionConflict(() => client.send(putIfAbsent('r1')));

    expect(sends).toBe(3);
  });

  it('does not retry a failed condition, and gives up after the attempts', async () => {
    const client = documentClient();
    await client.send(putIfAbsent('r2'));
    let sends = 0;
    const counted = () => {
      sends += 1;
      return client.send(putIfAbsent('r2'));
    };
    const always = () => {
      sends += 1;
      return Promise.reject(conflict());
    };

    const failed = await retryOnTransactionConflict(counted).catch((error: unknown) => error);
    const sendsForCondition = sends;
    sends = 0;
    const exhausted = await retryOnTransactionConflict(always, 3).catch((error: unknown) => error);

    expect(failedConditionIndex(failed)).toBe(0);
    expect(sendsForCondition).toBe(1);
    expect(exhausted).toBeInstanceOf(TransactionCanceledException);
    expect(sends).toBe(3);
  });
});

describe('batchGetAll', () => {
  it('reads 250 keys in chunks of 100 and fetches again what DynamoDB left unprocessed', async () => {
    const client = documentClient();
    const keys = Array.from({ length: 250 }, (_, i) => ({ pk: `b${i}`, sk: 'A' }));
    for (let i = 0; i < keys.length; i += 25) {
      const chunk = keys.slice(i, i + 25).map((key) => ({ PutRequest: { Item: { ...key, n: i } } }));
      await client.send(new BatchWriteCommand({ RequestItems: { [TABLE]: chunk } }));
    }
    // The first answer keeps 10 items and hands the rest back as unprocessed, as a throttled table would.
    let sends = 0;
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        sends += 1;
        if (sends === 1) {
          const output = result.output as {
            Responses: Record<string, Record<string, unknown>[]>;
            UnprocessedKeys?: Record<string, { Keys: Record<string, unknown>[] }>;
          };
          const items = output.Responses[TABLE] ?? [];
          output.Responses[TABLE] = items.slice(0, 10);
          output.UnprocessedKeys = {
            [TABLE]: { Keys: items.slice(10).map(({ pk, sk }) => ({ pk, sk })) },
          };
        }
        return result;
      },
      { step: 'initialize', name: 'leaveUnprocessed' },
    );

    const items = await batchGetAll(client, TABLE, [...keys, { pk: 'absent', sk: 'A' }]);

    expect(items.map((item) => item.pk).sort()).toEqual(keys.map((key) => key.pk).sort());
    expect(sends).toBe(4);
  });
});
