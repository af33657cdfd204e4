import { API_KEY_ROUTES } from './api-keys.ts';
import { CALENDAR_ROUTES } from './calendar.ts';
import { CARBON_ROUTES } from './carbon/index.ts';
import { CASE_ROUTES } from './cases.ts';
import { IMPORT_ROUTES } from './imports.ts';
import { MEDIA_ROUTES } from './media.ts';
import { NOTIFICATION_ROUTES } from './notifications.ts';
import { OPEN311_ROUTES } from './open311.ts';
import { REGISTRY_ROUTES } from './registry.ts';
import { REPORT_ROUTES } from './reports.ts';
import type { RouteContract } from './route.ts';
import { SUGGESTION_ROUTES } from './suggestions.ts';
import { healthRoute, openApiRoute } from './system.ts';
import { USER_ROUTES } from './users.ts';

/** Every HTTP route of the API. The manifest binds each to one function; a test checks none is missing. */
export const ALL_ROUTES: readonly RouteContract[] = [
  healthRoute,
  openApiRoute,
  ...MEDIA_ROUTES,
  ...REGISTRY_ROUTES,
  ...CARBON_ROUTES,
  ...IMPORT_ROUTES,
  ...CASE_ROUTES,
  ...SUGGESTION_ROUTES,
  ...REPORT_ROUTES,
  ...CALENDAR_ROUTES,
  ...OPEN311_ROUTES,
  ...API_KEY_ROUTES,
  ...NOTIFICATION_ROUTES,
  ...USER_ROUTES,
];
