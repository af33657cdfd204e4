import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { UnprocessableError } from '../../domain/errors.ts';
import type { SideClaim } from '../../ports/workflow-store.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A claim is an update of an item that exists, has the expected values and is unclaimed. */
export const claimUpdate = (table: string, claim: SideClaim): TransactItem => {
  const sets = Object.entries(claim.set);
  const expected = Object.entries(claim.expect);
  return {
    Update: {
      TableName: table,
      Key: { pk: claim.pk, sk: claim.sk },
      UpdateExpression: `SET ${sets.map((_, i) => `#s${i} = :s${i}`).join(', ')}`,
      ConditionExpression: [
        'attribute_exists(pk)',
        'attribute_not_exists(#claim)',
        ...expected.map((_, i) => `#e${i} = :e${i}`),
      ].join(' AND '),
      ExpressionAttributeNames: {
        '#claim': claim.unclaimed,
        ...Object.fromEntries(sets.map(([name], i) => [`#s${i}`, name])),
        ...Object.fromEntries(expected.map(([name], i) => [`#e${i}`, name])),
      },
      ExpressionAttributeValues: {
        ...Object.fromEntries(sets.map(([, value], i) => [`:s${i}`, value])),
        ...Object.fromEntries(expected.map(([, value], i) => [`:e${i}`, value])),
      },
    },
  };
};

/**
 * The 422 for the claims whose condition failed (`failed[i]` for `claims[i]`): the first one's
 * detail, each one's field. Undefined when none failed.
 */
export const lostClaimsError = (
  claims: readonly SideClaim[],
  failed: readonly boolean[],
): UnprocessableError | undefined => {
  const lost = claims.filter((_, i) => failed[i]);
  const first = lost[0];
  if (first === undefined) return undefined;
  return new UnprocessableError(
    first.refusal.detail,
    lost.map((claim) => claim.refusal.field),
  );
};
