import type { RouteContract } from './route.ts';

/** Reports. */
export const REPORT_ROUTES: readonly RouteContract[] = [];
