import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { JobRun, JobRunStore } from '../../ports/job-run-store.ts';

/** Jobs table: pk JOB#{job}, sk RUN#{scheduledTime}. */
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
}
