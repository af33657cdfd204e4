import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { JobCheckpoint, JobRun, JobRunStore } from '../../ports/job-run-store.ts';

/**
 * Jobs table:
 *   runs         pk JOB#{job}   sk RUN#{scheduledTime}    one per fire time
 *   checkpoints  pk JOB#{job}   sk PERIOD#{period}        doneUnits is a string set grown with ADD,
 *                                                          so marking a unit twice is harmless
 */
export class DynamoJobRunStore implements JobRunStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(client: DynamoDBDocumentClient, table: string) {
    this.#client = client;
    this.#table = table;
  }

  async recordRun(run: JobRun): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: { pk: `JOB#${run.job}`, sk: `RUN#${run.scheduledTime}`, kind: 'jobRun', ...run },
      }),
    );
  }

  async listRuns(job: string, limit: number): Promise<JobRun[]> {
    const result = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :run)',
        ExpressionAttributeValues: { ':pk': `JOB#${job}`, ':run': 'RUN#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(({ pk: _pk, sk: _sk, kind: _kind, ...run }) => run as JobRun);
  }

  async beginPeriod(job: string, period: string, at: string): Promise<JobCheckpoint> {
    // A period that finished is rebuilt from scratch when run again (say, after late readings);
    // only an unfinished one resumes where it stopped.
    const previous = await this.getCheckpoint(job, period);
    const restart = previous?.status === 'succeeded';
    const result = await this.#client.send(
      new UpdateCommand({
        TableName: this.#table,
        Key: checkpointKey(job, period),
        UpdateExpression: `SET #kind = :kind, #job = :job, #period = :period, #status = :running, #startedAt = if_not_exists(#startedAt, :at), #lastStartedAt = :at ADD #attempts :one REMOVE #finishedAt, #error${restart ? ', #doneUnits' : ''}`,
        ExpressionAttributeNames: {
          '#kind': 'kind',
          '#job': 'job',
          '#period': 'period',
          '#status': 'status',
          '#startedAt': 'startedAt',
          '#lastStartedAt': 'lastStartedAt',
          '#attempts': 'attempts',
          '#finishedAt': 'finishedAt',
          '#error': 'error',
          ...(restart ? { '#doneUnits': 'doneUnits' } : {}),
        },
        ExpressionAttributeValues: {
          ':kind': 'jobCheckpoint',
          ':job': job,
          ':period': period,
          ':running': 'running',
          ':at': at,
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toCheckpoint(result.Attributes ?? {});
  }

  async markUnitDone(job: string, period: string, unit: string): Promise<void> {
    await this.#client.send(
      new UpdateCommand({
        TableName: this.#table,
        Key: checkpointKey(job, period),
        UpdateExpression: 'ADD #doneUnits :unit',
        ExpressionAttributeNames: { '#doneUnits': 'doneUnits' },
        ExpressionAttributeValues: { ':unit': new Set([unit]) },
      }),
    );
  }

  async finishPeriod(
    job: string,
    period: string,
    outcome: {
      status: 'succeeded' | 'failed';
      at: string;
      summary?: Record<string, unknown>;
      error?: string;
    },
  ): Promise<void> {
    await this.#client.send(
      new UpdateCommand({
        TableName: this.#table,
        Key: checkpointKey(job, period),
        UpdateExpression: 'SET #status = :status, #finishedAt = :at, #summary = :summary, #error = :error',
        ExpressionAttributeNames: {
          '#status': 'status',
          '#finishedAt': 'finishedAt',
          '#summary': 'summary',
          '#error': 'error',
        },
        ExpressionAttributeValues: {
          ':status': outcome.status,
          ':at': outcome.at,
          ':summary': outcome.summary ?? {},
          ':error': outcome.error ?? null,
        },
      }),
    );
  }

  async getCheckpoint(job: string, period: string): Promise<JobCheckpoint | undefined> {
    const result = await this.#client.send(
      new GetCommand({ TableName: this.#table, Key: checkpointKey(job, period), ConsistentRead: true }),
    );
    return result.Item === undefined ? undefined : toCheckpoint(result.Item);
  }
}

const checkpointKey = (job: string, period: string) => ({ pk: `JOB#${job}`, sk: `PERIOD#${period}` });

const toCheckpoint = (item: Record<string, unknown>): JobCheckpoint => ({
  job: String(item.job),
  period: String(item.period),
  status: item.status as JobCheckpoint['status'],
  attempts: Number(item.attempts ?? 0),
  startedAt: String(item.startedAt),
  ...(typeof item.finishedAt === 'string' ? { finishedAt: item.finishedAt } : {}),
  doneUnits: item.doneUnits instanceof Set ? [...(item.doneUnits as Set<string>)].sort() : [],
  ...(item.summary ? { summary: item.summary as Record<string, unknown> } : {}),
  ...(typeof item.error === 'string' ? { error: item.error } : {}),
});
