import seed2025 from '../../data/calendar/years/2025.json' with { type: 'json' };
import seed2026 from '../../data/calendar/years/2026.json' with { type: 'json' };
import { lazily } from '../lazily.ts';
import { type CalendarYearDocument, CalendarYearSchema } from './calendar-year.ts';
import { buildWorkingCalendar, type CalendarOverrides, type WorkingCalendar } from './working-calendar.ts';

/**
 * The bundled years: what `npm start` seeds, and what tests compute with. No function reads them, so
 * they live apart from working-calendar.ts, and are parsed on first use: a function reaching the
 * calendar would otherwise carry the data and build the calendar-year schema at every cold start
 * (docs/performance.md, "Cold start").
 */
export const bundledSeedYears: () => readonly CalendarYearDocument[] = lazily(() =>
  [seed2025, seed2026].map((year) => CalendarYearSchema.parse(year)),
);

/** The bundled Chinese calendar (2025–2026): the seed, and the calendar of unit tests. */
export const defaultWorkingCalendar = (overrides: CalendarOverrides = {}): WorkingCalendar =>
  buildWorkingCalendar(bundledSeedYears(), overrides);
