/**
 * The bench's clients on a thread of their own (worker_threads: its own event loop, heap and GC).
 * In production the API's callers and the Lambda that serves them never share a process; in the
 * in-process bench the 50 fetch clients, their contract check and the raw baseline's SDK client ran
 * on the event loop that also runs the gateway and the handlers (docs/performance.md, "Third pass").
 * Here both the raw calls and the API calls are made from this thread, so the main thread serves.
 */
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { concurrently } from './concurrent-run.ts';

export interface LoadWorkerData {
  dynamodb: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  api: string;
}

/** What one turn runs: a raw call or an API call, `calls` of them from `clients` loops. */
export type LoadJob = { id: number; clients: number; calls: number; offset: number } & (
  | { kind: 'query'; table: string; index: string; partition: string; limit: number }
  | { kind: 'transaction'; input: TransactWriteCommandInput; replace: string }
  | { kind: 'get'; paths: string[]; token: string }
  | { kind: 'post'; path: string; token: string; bodies: string[]; status: number }
);

const data = workerData as LoadWorkerData;
const dynamo = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: data.dynamodb, region: data.region, credentials: data.credentials }),
);

const callOf = (job: LoadJob, created: string[]): ((i: number) => Promise<boolean>) => {
  switch (job.kind) {
    case 'query':
      return async () => {
        const result = await dynamo.send(
          new QueryCommand({
            TableName: job.table,
            IndexName: job.index,
            KeyConditionExpression: `${job.index}pk = :pk`,
            ExpressionAttributeValues: { ':pk': job.partition },
            ScanIndexForward: false,
            Limit: job.limit,
          }),
        );
        return (result.Items?.length ?? 0) > 0;
      };
    case 'transaction':
      return async () => {
        const input = JSON.parse(JSON.stringify(job.input).replaceAll(job.replace, randomUUID()));
        await dynamo.send(new TransactWriteCommand(input as TransactWriteCommandInput));
        return true;
      };
    case 'get':
      return async (i) => {
        const path = job.paths[(job.offset + i) % job.paths.length] as string;
        const response = await fetch(`${data.api}${path}`, {
          headers: { authorization: `Bearer ${job.token}` },
        });
        await response.arrayBuffer();
        return response.status === 200;
      };
    case 'post':
      return async (i) => {
        const response = await fetch(`${data.api}${job.path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${job.token}`, 'content-type': 'application/json' },
          body: job.bodies[i] as string,
        });
        const text = await response.text();
        if (response.status !== job.status) return false;
        created.push((JSON.parse(text) as { id: string }).id);
        return true;
      };
  }
};

parentPort?.on('message', async (job: LoadJob) => {
  const created: string[] = [];
  const run = await concurrently(job.clients, job.calls, callOf(job, created));
  parentPort?.postMessage({ id: job.id, run, created });
});
