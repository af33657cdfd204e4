import type { RouteContract } from './route.ts';

/** Registry: enterprises, facilities, meters, departments, identifiers, factors. */
export const REGISTRY_ROUTES: readonly RouteContract[] = [];
