/**
 * vitest globalSetup of the `integration` and `e2e` projects: one DynamoDB Local (in memory) for
 * every test file of the process, instead of a JVM started and warmed up again by each file. The workers inherit its endpoint through the
 * environment; each file creates its tables under a prefix of its own (table-prefix.ts) and drops them
 * when its stack stops, so files stay independent and can run side by side.
 */
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { freePort } from '../../infra/local/free-port.ts';

/** Where startTestStack finds the shared DynamoDB Local; unset (e.g. under `npm run bench`), it starts its own. */
export const SHARED_DYNAMODB_ENV = 'QS_TEST_DYNAMODB_ENDPOINT';

export default async function setup(): Promise<() => Promise<void>> {
  // integration and e2e are two projects with this setup; in one vitest process they share one JVM.
  if (process.env[SHARED_DYNAMODB_ENV] !== undefined) return async () => undefined;
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  process.env[SHARED_DYNAMODB_ENV] = dynamo.endpoint;
  return async () => {
    delete process.env[SHARED_DYNAMODB_ENV];
    await dynamo.stop();
  };
}
