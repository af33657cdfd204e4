import type { RouteContract } from './route.ts';

/** Deputies' suggestions (代表建议). */
export const SUGGESTION_ROUTES: readonly RouteContract[] = [];
