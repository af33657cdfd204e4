import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import {
  createTableInput,
  localClient,
  type RunningDynamo,
  startDynamoDbLocal,
} from '../../infra/local/dynamodb-local.ts';
import { freePort } from '../../infra/local/free-port.ts';
import { TABLES } from '../../infra/manifest.ts';
import { DynamoCaseStore } from '../../shared/adapters/dynamodb/case-store.ts';
import { DynamoMediaCatalog } from '../../shared/adapters/dynamodb/media-catalog.ts';
import { DynamoProvisionalDeadlines } from '../../shared/adapters/dynamodb/provisional-deadlines.ts';
import { DynamoSuggestionStore } from '../../shared/adapters/dynamodb/suggestion-store.ts';
import { DynamoWorkflowHistory } from '../../shared/adapters/dynamodb/workflow-scan.ts';
import { readyPhoto } from '../support/media-records.ts';
import { workflowReadsContract } from '../support/workflow-reads-contract.ts';
import { workflowStoreContract } from '../support/workflow-store-contract.ts';

/** The workflow ports' contracts on DynamoDB Local alone (no gateway, no other emulator). */
const TABLE = 'contract-workflow';
let dynamo: RunningDynamo | undefined;
let client: DynamoDBDocumentClient;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({ port: await freePort() });
  const raw = localClient(dynamo.endpoint);
  await raw.send(new CreateTableCommand(createTableInput(TABLE, TABLES.workflow)));
  client = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true },
  });
});
afterAll(async () => dynamo?.stop());

workflowStoreContract('DynamoDB Local', () => ({
  cases: new DynamoCaseStore(client, TABLE),
  suggestions: new DynamoSuggestionStore(client, TABLE),
  readyMedia: async (id, uploader) => {
    await new DynamoMediaCatalog(client, TABLE).createPending({
      ...readyPhoto(id, uploader),
      status: 'ready',
    });
  },
}));

workflowReadsContract('DynamoDB Local', () => ({
  cases: new DynamoCaseStore(client, TABLE),
  suggestions: new DynamoSuggestionStore(client, TABLE),
  provisional: new DynamoProvisionalDeadlines(client, TABLE),
  history: new DynamoWorkflowHistory(client, TABLE),
}));
