import type { FunctionSpec } from '../manifest.ts';

/** Enterprises, facilities, meters, departments, identifiers, factors, device provisioning. */
export const REGISTRY_FUNCTIONS: readonly FunctionSpec[] = [];
