import { UnprocessableError } from '../domain/errors.ts';
import type { MediaClaim } from '../ports/workflow-store.ts';

/**
 * The 422 for the claims whose condition failed (`failed[i]` for `claims[i]`): the first one's
 * detail, each one's field. Undefined when none failed. Shared by every workflow store adapter, so
 * a lost file answers alike whatever stores it.
 */
export const lostClaimsError = (
  claims: readonly MediaClaim[],
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
