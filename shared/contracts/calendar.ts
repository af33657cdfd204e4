import * as z from 'zod';
import { COVERAGE_WARNING_DAYS } from '../domain/calendar/calendar-coverage.ts';
import { CalendarYearSchema } from '../domain/calendar/calendar-year.ts';
import { ROLES } from '../domain/roles.ts';
import { defineRoute } from './route.ts';

/**
 * The working calendar (工作日历): admins load one year at a time from the State Council's notice;
 * every signed-in user may read it (it is public information). Format: docs/working-calendar.md.
 */

const YearParams = z.object({
  year: z.coerce
    .number({ error: '年份须为数字 (year must be a number)' })
    .int('年份须为整数 (whole number)')
    .min(2000, '年份须在 2000–2100 之间 (2000–2100)')
    .max(2100, '年份须在 2000–2100 之间 (2000–2100)'),
});

const VersionFacts = {
  year: z.number().int(),
  version: z.number().int().describe('1, 2, 3 … per year; each load is a new immutable version'),
  loadedAt: z.iso.datetime(),
  loadedBy: z
    .string()
    .describe('User id (token sub) of the admin who loaded it; `seed` for the bundled years'),
};

export const CalendarYearVersionSchema = z
  .object({ ...VersionFacts, document: CalendarYearSchema })
  .meta({ id: 'CalendarYearVersion' });

export const CalendarLoadResultSchema = CalendarYearVersionSchema.extend({
  recomputed: z
    .object({
      recomputed: z.number().int().describe('Open records whose provisional deadline is exact now'),
      stillProvisional: z.number().int().describe('Recomputed, but still counting days past the calendar'),
      released: z.number().int().describe('Markers of records closed meanwhile, dropped'),
    })
    .describe('Provisional deadlines counted again with the calendar as loaded'),
}).meta({ id: 'CalendarLoadResult' });

export const CalendarCoverageSchema = z
  .object({
    coveredFrom: z.iso.date().optional().describe('First day of the unbroken run of loaded years'),
    coveredThrough: z.iso
      .date()
      .optional()
      .describe('Last covered day: deadlines counting later days are provisional'),
    daysLeft: z
      .number()
      .int()
      .optional()
      .describe('Local days from today to coveredThrough (negative: past it)'),
    warningDays: z
      .number()
      .int()
      .describe(`Admins are alerted this many days before the end (${COVERAGE_WARNING_DAYS})`),
    years: z.array(
      z.object({
        ...VersionFacts,
        verified: z.boolean(),
        source: CalendarYearSchema.shape.source,
        versions: z.array(z.object(VersionFacts)).describe('Every version, oldest first'),
      }),
    ),
  })
  .meta({ id: 'CalendarCoverage' });

export const putCalendarYearRoute = defineRoute({
  id: 'putCalendarYear',
  method: 'PUT',
  path: '/calendar/years/{year}',
  roles: ['admin'],
  summary:
    '载入年度工作日历 Load one year from the State Council notice; without If-Match only a first load, with the version read (If-Match) a new version',
  tag: 'calendar',
  params: YearParams,
  body: CalendarYearSchema,
  response: CalendarLoadResultSchema,
  successStatus: 200,
  errorStatuses: [409, 422],
});

export const listCalendarYearsRoute = defineRoute({
  id: 'listCalendarYears',
  method: 'GET',
  path: '/calendar/years',
  roles: ROLES,
  summary: '工作日历覆盖范围 The covered range, the loaded years and their versions',
  tag: 'calendar',
  response: CalendarCoverageSchema,
  successStatus: 200,
});

export const getCalendarYearRoute = defineRoute({
  id: 'getCalendarYear',
  method: 'GET',
  path: '/calendar/years/{year}',
  roles: ROLES,
  summary: '年度工作日历 One loaded year: its current version, or ?version=n',
  tag: 'calendar',
  params: YearParams,
  query: z.object({
    version: z.coerce.number({ error: '版本须为数字 (version must be a number)' }).int().min(1).optional(),
  }),
  response: CalendarYearVersionSchema,
  successStatus: 200,
  errorStatuses: [404],
});

export const CALENDAR_ROUTES = [putCalendarYearRoute, listCalendarYearsRoute, getCalendarYearRoute] as const;
