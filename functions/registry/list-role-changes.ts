import { listRoleChangesRoute } from '../../shared/contracts/users.ts';
import { httpHandler } from '../middleware/http.ts';
import { usersContext } from './users-context.ts';

export const handler = httpHandler(listRoleChangesRoute, async ({ query }) => ({
  items: await usersContext().log.recent(query.limit),
}));
