import { randomBytes } from 'node:crypto';
import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { DynamoRegistryWriter } from '../../shared/adapters/dynamodb/registry-writer.ts';
import type { RegistryContext } from '../../shared/application/registry/registry-ports.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { ENV, requireEnv, tableName } from '../../shared/config/env.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import { expectedVersion } from '../middleware/if-match.ts';

export type { RegistryContext };

let context: RegistryContext | undefined;

/** Built on first use (not at import), so configuration errors surface as a 500 with a log line. */
export const registryContext = (): RegistryContext => {
  if (context === undefined) {
    const documents = getDocumentClient();
    const table = tableName('registry');
    context = {
      reader: new DynamoRegistryStore(documents, table),
      writer: new DynamoRegistryWriter(documents, table),
      clock: systemClock,
      random: (bytes) => randomBytes(bytes),
      identifierPrefix: requireEnv(ENV.identifierPrefix),
    };
  }
  return context;
};

/** Updates must name the version they read: in the body or as If-Match. A lost update is a bug. */
export const requiredVersion = (
  bodyVersion: number | undefined,
  headers: Readonly<Record<string, string | undefined>>,
): number => {
  const expected = expectedVersion(bodyVersion, headers['if-match']);
  if (expected === undefined) {
    const message = '需要版本号 (send the version you read as body.version or If-Match)';
    throw new ValidationError(message, [{ path: '/body/version', message }]);
  }
  return expected;
};
