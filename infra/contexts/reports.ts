import type { FunctionSpec } from '../manifest.ts';

/** Generated reports and their download links. */
export const REPORT_FUNCTIONS: readonly FunctionSpec[] = [];
