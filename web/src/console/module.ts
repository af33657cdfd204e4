import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { ENTERPRISE_GROUP, Role } from '../../../shared/domain/roles.ts';

/** Who a module or route is for: the staff roles, and enterprise accounts (their group, not a role). */
export type ConsoleRole = Role | typeof ENTERPRISE_GROUP;

/**
 * A console module: a menu entry (with sub-items) shown to some roles, and the routes it serves.
 * Each module lives in its own folder (`web/src/console/<key>/`) and loads its pages lazily, so the
 * shell stays small and a module is added by one line in `modules.ts` (docs/web.md, "Console modules").
 */
export interface PageProps {
  /** Path parameters of the matched route (`cases/:id` → `{ id }`). */
  params: Record<string, string>;
}

export type Page = LazyExoticComponent<ComponentType<PageProps>>;

export interface ConsoleRoute {
  /** Under `/console/`, e.g. `cases/:id`; matched in order, first match wins. */
  pattern: string;
  page: Page;
  /** Narrows the module's roles for this route; the API still checks every request. */
  roles?: readonly ConsoleRole[];
}

export interface ConsoleMenuItem {
  label: string;
  /** Path under `/console/`, with its query when it is a preset view (`cases?view=intake`). */
  path: string;
  roles: readonly ConsoleRole[];
}

export interface ConsoleModule {
  key: string;
  menu: { label: string; icon: ReactNode; roles: readonly ConsoleRole[]; items: readonly ConsoleMenuItem[] };
  routes: readonly ConsoleRoute[];
}

export const allows = (roles: readonly ConsoleRole[], mine: readonly string[]): boolean =>
  mine.some((role) => (roles as readonly string[]).includes(role));
