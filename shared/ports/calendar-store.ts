import type { CalendarYearDocument } from '../domain/calendar/calendar-year.ts';

/** One loaded version of a calendar year; versions are immutable, the newest is the year's calendar. */
export interface CalendarYearVersion {
  year: number;
  /** 1, 2, 3 … per year. */
  version: number;
  /** UTC ISO instant of the load. */
  loadedAt: string;
  /** The user id (token `sub`) of the admin who loaded it, or `seed` for the bundled years. */
  loadedBy: string;
  document: CalendarYearDocument;
}

/** The working calendar's years (calendar table; access patterns in the DynamoDB adapter). */
export interface CalendarStore {
  /** The current version of every loaded year, oldest year first. */
  currentYears(): Promise<CalendarYearVersion[]>;
  /** Every version of one year, oldest first. */
  versions(year: number): Promise<CalendarYearVersion[]>;
  /** One version of a year; its current version when `version` is absent. */
  getYear(year: number, version?: number): Promise<CalendarYearVersion | undefined>;
  /**
   * Stores `next` as the year's new current version, on condition that the current one is
   * `next.version - 1` (none for version 1): otherwise ConflictError and nothing is written.
   */
  putYear(next: CalendarYearVersion): Promise<void>;
}
