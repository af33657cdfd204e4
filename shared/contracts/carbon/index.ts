import type { RouteContract } from '../route.ts';
import { BUDGET_ROUTES } from './budgets.ts';
import { EMISSIONS_ROUTES } from './emissions.ts';
import { QUARANTINE_ROUTES } from './quarantine.ts';
import { RECALCULATION_ROUTES } from './recalculations.ts';

/** Carbon: emissions series, rankings, trace, budgets, alerts, quarantine, recalculations. */
export const CARBON_ROUTES: readonly RouteContract[] = [
  ...EMISSIONS_ROUTES,
  ...BUDGET_ROUTES,
  ...QUARANTINE_ROUTES,
  ...RECALCULATION_ROUTES,
];
