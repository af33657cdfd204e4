/**
 * vitest setupFile of the `integration` and `e2e` projects, run before each test file is imported: the file's local
 * tables get a prefix of their own, so that files sharing one DynamoDB Local (shared-dynamodb.ts) never
 * see each other's items. Before the import, because test files name tables at their top level.
 */
import { randomUUID } from 'node:crypto';
import { LOCAL_TABLE_PREFIX_ENV } from '../../infra/local/environment.ts';

process.env[LOCAL_TABLE_PREFIX_ENV] = `qingshan-test-${randomUUID().slice(0, 8)}`;
