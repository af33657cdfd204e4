import { getImportRoute } from '../../shared/contracts/imports.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import { httpHandler } from '../middleware/http.ts';
import { importFiles, importStore, importView } from './imports-context.ts';

const deps = { store: importStore(), files: importFiles() };

/** Admins only (route roles): the import report. */
export const handler = httpHandler(getImportRoute, async ({ params }) => {
  const record = await deps.store.get(params.id);
  if (record === undefined) throw new NotFoundError(`导入不存在 (import ${params.id} not found)`);
  return importView(record, deps);
});
