import { listUsersRoute } from '../../shared/contracts/users.ts';
import { httpHandler } from '../middleware/http.ts';
import { usersContext } from './users-context.ts';

/** The identity provider's users with their roles; an external OIDC issuer's are not the API's to list. */
export const handler = httpHandler(listUsersRoute, async () => {
  const { identity } = usersContext();
  if (identity === undefined) return { directory: 'external' as const, writable: false, users: [] };
  return { directory: identity.kind, writable: true, users: await identity.listUsers() };
});
