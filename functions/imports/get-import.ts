import { getImportRoute } from '../../shared/contracts/imports.ts';
import { httpHandler } from '../middleware/http.ts';
import { importFiles, importStore, importView, visibleImport } from './imports-context.ts';

const deps = { store: importStore(), files: importFiles() };

/** Admins, and enterprise accounts for their own imports (others' are 404): the import report. */
export const handler = httpHandler(getImportRoute, async ({ params, principal }) =>
  importView(await visibleImport(deps.store, params.id, principal), deps),
);
