import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_REGION } from '../../infra/local/environment.ts';
import { LOCAL_S3_CREDENTIALS } from '../../infra/local/s3-local.ts';
import { relistCases } from '../../shared/adapters/dynamodb/workflow-relist.ts';
import { tableName } from '../../shared/config/env.ts';
import { offsetNorth } from '../../shared/domain/geo/distance.ts';
import { encodeGeohash } from '../../shared/domain/geo/geohash.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

/**
 * infra/ops/relist-cases.ts, the migration after the 2026-12 listing layout (LIST#FACET, facet keys
 * on LIST#ALL, LIST#GEO in geohash-6 partitions): cases left in the layout before are found in the
 * new lists and by duplicate detection after it ran, also when a writer changes a case mid-run.
 */
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t?.close();
});

const here = { latitude: 39.9042, longitude: 116.4074 };
const table = () => tableName('workflow', t.stack.env);
const supervisor = () => t.stack.users.supervisor.token;

const report = async (tokenValue: string, location: { latitude: number; longitude: number }) => {
  const response = await t.api('/cases', {
    method: 'POST',
    token: tokenValue,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ categoryId: 'sewage', title: '排污', description: '黑水', location }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string; possibleDuplicates: { id: string }[] };
};

/** The ids of a supervisor's list, every page. */
const listed = async (query: string): Promise<string[]> => {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = `/cases?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await t.api(page, { token: supervisor() });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id: string }[]; cursor?: string };
    ids.push(...body.items.map((item) => item.id));
    cursor = body.cursor;
  } while (cursor !== undefined);
  return ids;
};

/** As the layout before left a case: no LIST#FACET, LIST#ALL on gsi1 only, LIST#GEO per geohash-7 cell. */
const toLayoutBefore = async (id: string, location: { latitude: number; longitude: number }) => {
  const pk = `CASE#${id}`;
  const all = (await t.dynamo.send(new GetCommand({ TableName: table(), Key: { pk, sk: 'LIST#ALL' } }))).Item;
  await t.dynamo.send(new DeleteCommand({ TableName: table(), Key: { pk, sk: 'LIST#FACET' } }));
  await t.dynamo.send(
    new UpdateCommand({
      TableName: table(),
      Key: { pk, sk: 'LIST#ALL' },
      UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
    }),
  );
  await t.dynamo.send(
    new UpdateCommand({
      TableName: table(),
      Key: { pk, sk: 'LIST#GEO' },
      UpdateExpression: 'SET gsi2pk = :p, gsi2sk = :s',
      ExpressionAttributeValues: {
        ':p': `CASES#GEO#sewage#${encodeGeohash(location, 7)}`,
        ':s': all?.gsi1sk,
      },
    }),
  );
};

describe('relisting cases after the listing layout changed', () => {
  it('finds a case of the layout before in the filtered lists and among possible duplicates', async () => {
    const old = await report(t.stack.users.deputy.token, here);
    await toLayoutBefore(old.id, here);
    expect(await listed('state=submitted&category=sewage')).not.toContain(old.id);
    const before = await report(supervisor(), offsetNorth(here, 10));
    expect(before.possibleDuplicates.map((d) => d.id)).not.toContain(old.id);

    const outcome = await relistCases(t.dynamo, table(), { perSecond: 1000 });

    expect(await listed('state=submitted&category=sewage')).toContain(old.id);
    expect(await listed('state=submitted')).toContain(old.id);
    expect(await listed('category=sewage')).toContain(old.id);
    const after = await report(supervisor(), offsetNorth(here, 20));
    expect(after.possibleDuplicates.map((d) => d.id).sort()).toEqual([old.id, before.id].sort());
    expect(outcome).toEqual({ relisted: 2, retried: 0, gone: 0 });
  });

  it('relists at its new version a case a writer of the layout before changed while the run held it', async () => {
    const raced = await report(t.stack.users.deputy.token, offsetNorth(here, 5000));
    await toLayoutBefore(raced.id, offsetNorth(here, 5000));
    const pk = `CASE#${raced.id}`;
    // The run's client: just before its first write for this case, a function still on the layout
    // before (a deploy finishing) accepts the case — record and LIST#ALL at the next version.
    const client = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: t.stack.urls.dynamodb,
        region: LOCAL_REGION,
        credentials: LOCAL_S3_CREDENTIALS,
      }),
    );
    let racing = true;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (
          racing &&
          /TransactWrite/.test(context.commandName ?? '') &&
          JSON.stringify(args.input).includes(pk)
        ) {
          racing = false;
          for (const sk of ['RECORD', 'LIST#ALL']) {
            await t.dynamo.send(
              new UpdateCommand({
                TableName: table(),
                Key: { pk, sk },
                UpdateExpression: 'SET version = version + :one, #state = :accepted',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: { ':one': 1, ':accepted': 'accepted' },
              }),
            );
          }
        }
        return next(args);
      },
      { step: 'initialize', name: 'olderWriterRaces' },
    );

    const outcome = await relistCases(client, table(), { perSecond: 1000 }).finally(() => client.destroy());

    expect(racing).toBe(false);
    expect(await listed('state=accepted&category=sewage')).toContain(raced.id);
    expect(await listed('state=submitted&category=sewage')).not.toContain(raced.id);
    expect(outcome.retried).toBe(1);
  });
});
