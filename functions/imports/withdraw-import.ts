import { systemClock } from '../../shared/config/clock.ts';
import { withdrawImportRoute } from '../../shared/contracts/imports.ts';
import { ConflictError } from '../../shared/domain/errors.ts';
import { httpHandler } from '../middleware/http.ts';
import { importStore, importView, visibleImport } from './imports-context.ts';

const store = importStore();

/**
 * Admins, and enterprise accounts for their own imports (others' are 404): queues the withdrawal of a finished import (409 while it still runs or
 * when it failed before reading a row). Asking again while it is withdrawn or withdrawing is a no-op.
 */
export const handler = httpHandler(withdrawImportRoute, async ({ params, principal }) => {
  const record = await visibleImport(store, params.id, principal);
  if (record.status === 'withdrawing' || record.status === 'withdrawn') return importView(record, { store });
  const withdrawal = {
    requestedBy: principal.username,
    requestedAt: systemClock().toISOString(),
    rowsDone: 0,
    changed: 0,
  };
  const moved = await store.update(params.id, { status: 'withdrawing', withdrawal }, ['succeeded', 'failed']);
  if (!moved)
    throw new ConflictError(
      `导入仍在进行，完成后才能撤回 (import ${params.id} is still running; withdraw it when it has finished)`,
    );
  return importView({ ...record, status: 'withdrawing', withdrawal }, { store });
});
