import type { MatrixTable } from './matrix.ts';
import { CALENDAR_ROWS } from './rows-calendar.ts';
import { CARBON_ROWS } from './rows-carbon.ts';
import { CASE_TRANSITION_ROWS } from './rows-case-transitions.ts';
import { CASE_ROWS } from './rows-cases.ts';
import { IMPORT_ROWS } from './rows-imports.ts';
import { MEDIA_ROWS } from './rows-media.ts';
import { NOTIFICATION_ROWS } from './rows-notifications.ts';
import { OPEN311_ROWS } from './rows-open311.ts';
import { REGISTRY_ROWS } from './rows-registry.ts';
import { REPORT_ROWS } from './rows-reports.ts';
import { SUGGESTION_TRANSITION_ROWS } from './rows-suggestion-transitions.ts';
import { SUGGESTION_ROWS } from './rows-suggestions.ts';

/** Merges the areas' rows; a route in two of them is a mistake in the table, not an override. */
const merged = (...areas: MatrixTable[]): MatrixTable => {
  const all: Record<string, MatrixTable[string]> = {};
  for (const [route, row] of areas.flatMap((area) => Object.entries(area))) {
    if (all[route] !== undefined) throw new Error(`${route} has rows in two places`);
    all[route] = row;
  }
  return all;
};

/**
 * The whole expected table, one entry per route of ALL_ROUTES (`METHOD /path`). A new route needs
 * its entry in the area's rows file — the matrix test fails until it has one.
 */
export const EXPECTED: MatrixTable = merged(
  MEDIA_ROWS,
  REGISTRY_ROWS,
  CARBON_ROWS,
  IMPORT_ROWS,
  CASE_ROWS,
  CASE_TRANSITION_ROWS,
  SUGGESTION_ROWS,
  SUGGESTION_TRANSITION_ROWS,
  REPORT_ROWS,
  CALENDAR_ROWS,
  OPEN311_ROWS,
  NOTIFICATION_ROWS,
);
