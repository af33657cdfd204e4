import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { MediaClaim } from '../../ports/workflow-store.ts';
import { mediaKeyOf } from './media-catalog.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * A claim attaches a media file: the update of its item, on condition that it exists, is ready and
 * has no `attachedTo` yet (media-attachment.ts: a file is attached once).
 */
export const claimUpdate = (table: string, claim: MediaClaim): TransactItem => ({
  Update: {
    TableName: table,
    Key: mediaKeyOf(claim.mediaId),
    UpdateExpression: 'SET #claim = :attachment',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#claim) AND #status = :ready',
    ExpressionAttributeNames: { '#claim': 'attachedTo', '#status': 'status' },
    ExpressionAttributeValues: { ':attachment': claim.attachment, ':ready': 'ready' },
  },
});

export { lostClaimsError } from '../lost-claims.ts';
