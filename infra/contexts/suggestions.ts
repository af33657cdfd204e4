import type { FunctionSpec } from '../manifest.ts';

/** Deputies' suggestions (代表建议). */
export const SUGGESTION_FUNCTIONS: readonly FunctionSpec[] = [];
