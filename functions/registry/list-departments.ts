import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { tableName } from '../../shared/config/env.ts';
import { listDepartmentsRoute } from '../../shared/contracts/registry-catalogue.ts';
import { httpHandler } from '../middleware/http.ts';

const store = new DynamoRegistryStore(getDocumentClient(), tableName('registry'));

export const handler = httpHandler(listDepartmentsRoute, async () => ({
  items: await store.listDepartments(),
}));
