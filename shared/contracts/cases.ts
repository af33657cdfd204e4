import type { RouteContract } from './route.ts';

/** 随手拍 cases. */
export const CASE_ROUTES: readonly RouteContract[] = [];
