import { getDocumentClient } from '../../../shared/adapters/aws-clients.ts';
import { DynamoApiKeyStore } from '../../../shared/adapters/dynamodb/api-key-store.ts';
import { tableName } from '../../../shared/config/env.ts';
import type { ApiKeyStore } from '../../../shared/ports/api-key-store.ts';

let store: ApiKeyStore | undefined;

/** The Open311 clients' keys and buckets (registry table), built on first use. */
export const apiKeyStore = (): ApiKeyStore => {
  store ??= new DynamoApiKeyStore(getDocumentClient(), tableName('registry'));
  return store;
};
