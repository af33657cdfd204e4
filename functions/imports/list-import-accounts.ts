import { listImportAccountsRoute } from '../../shared/contracts/imports.ts';
import { httpHandler } from '../middleware/http.ts';
import { importAccounts } from './imports-context.ts';

const accounts = importAccounts();

/** Admins only (route roles): every feed account with its meters. */
export const handler = httpHandler(listImportAccountsRoute, async () => ({
  items: await accounts.listAccounts(),
}));
