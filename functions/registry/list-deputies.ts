import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDeputyDirectory } from '../../shared/adapters/dynamodb/deputy-directory.ts';
import { tableName } from '../../shared/config/env.ts';
import { listDeputiesRoute } from '../../shared/contracts/deputies.ts';
import { httpHandler } from '../middleware/http.ts';

const directory = new DynamoDeputyDirectory(getDocumentClient(), tableName('registry'));

/** Active deputies only: an inactive one may not be named as a co-signer, so it is not offered. */
export const handler = httpHandler(listDeputiesRoute, async () => ({
  items: (await directory.listDeputies())
    .filter((deputy) => deputy.status === 'active')
    .map(({ id, name, delegation }) => ({ id, name, ...(delegation === undefined ? {} : { delegation }) })),
}));
