import type { FunctionSpec } from '../manifest.ts';

/** 随手拍 cases: create, read, transitions, comments, timeline. */
export const CASE_FUNCTIONS: readonly FunctionSpec[] = [];
