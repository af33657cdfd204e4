import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoBatchHandleLookup } from '../../shared/adapters/dynamodb/carbon/batch-handle-lookup.ts';
import { tableName } from '../../shared/config/env.ts';
import { resolveIdentifierRoute } from '../../shared/contracts/identifiers.ts';
import type { BatchLookup } from '../../shared/ports/batch-lookup.ts';
import { httpHandler } from '../middleware/http.ts';
import { resolveIdentifier } from './identifier-resolution.ts';
import { registryContext } from './registry-context.ts';

/**
 * `{id+}` is greedy: the handle's `/` arrives as part of the parameter. A client that encoded it
 * as %2F gets it decoded by the gateway; decoding again is harmless for handle characters.
 */
export const handler = httpHandler(resolveIdentifierRoute, ({ params, principal }) =>
  resolveIdentifier(registryContext(), principal, safeDecode(params.id), batchLookup()),
);

let batches: BatchLookup | undefined;

/** Readings batches are found in the ingest's batch log on the carbon table. */
const batchLookup = (): BatchLookup => {
  batches ??= new DynamoBatchHandleLookup(getDocumentClient(), tableName('carbon'));
  return batches;
};

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};
