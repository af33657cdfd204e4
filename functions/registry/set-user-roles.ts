import { setUserRoles } from '../../shared/application/registry/user-commands.ts';
import { setUserRolesRoute } from '../../shared/contracts/users.ts';
import { httpHandler } from '../middleware/http.ts';
import { usersContext } from './users-context.ts';

export const handler = httpHandler(setUserRolesRoute, ({ params, body, principal }) =>
  setUserRoles(usersContext(), principal, params.username, body),
);
