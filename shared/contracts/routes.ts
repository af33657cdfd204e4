import { createUploadRoute } from './media.ts';
import type { RouteContract } from './route.ts';
import { healthRoute, openApiRoute } from './system.ts';

/** Every HTTP route of the API. The manifest binds each to one function; a test checks none is missing. */
export const ALL_ROUTES: readonly RouteContract[] = [healthRoute, openApiRoute, createUploadRoute];
