import { adminModule } from './admin/index.tsx';
import { carbonModule } from './carbon/index.tsx';
import { casesModule } from './cases/index.tsx';
import { importsModule } from './imports/index.tsx';
import type { ConsoleModule } from './module.ts';
import { performanceModule } from './performance/index.tsx';
import { registryModule } from './registry/index.tsx';
import { suggestionsModule } from './suggestions/index.tsx';

/**
 * The console's modules, in menu order. A module is its own folder under `web/src/console/` with an
 * `index.tsx` exporting a `ConsoleModule` (menu entry, roles, lazy routes); adding one is one import
 * and one entry here.
 */
export const CONSOLE_MODULES: readonly ConsoleModule[] = [
  casesModule,
  suggestionsModule,
  carbonModule,
  performanceModule,
  registryModule,
  importsModule,
  adminModule,
];
