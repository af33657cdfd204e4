import type { RouteContract } from './route.ts';

/** Carbon: emissions series, rankings, trace, budgets, alerts, quarantine. */
export const CARBON_ROUTES: readonly RouteContract[] = [];
