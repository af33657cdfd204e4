import { ConflictError, UnprocessableError, ValidationError } from '../errors.ts';
import type { CalendarYearDocument } from './calendar-year.ts';
import { coveredYearRange } from './working-calendar.ts';

/**
 * Loading a calendar year (PUT /calendar/years/{year}): each load is a new immutable version of that
 * year, made on the version the admin read (If-Match), and the loaded years stay one unbroken run, so
 * "covered until" is a single date (working-calendar.ts).
 */

export interface LoadedYear {
  year: number;
  version: number;
}

export interface LoadRequest {
  /** The year named in the path. */
  pathYear: number;
  document: CalendarYearDocument;
  /** From If-Match; absent: only a first load. */
  expectedVersion?: number | undefined;
  /** The current version of every loaded year. */
  loaded: readonly LoadedYear[];
  by: string;
  at: Date;
}

const checkVersion = (year: number, current: LoadedYear | undefined, expected: number | undefined) => {
  if (current && expected === undefined) {
    return new ConflictError(
      `${year} 年日历已载入（第 ${current.version} 版）；更新须带 If-Match: "${current.version}" ` +
        `(year ${year} is loaded at version ${current.version}; send If-Match to replace it)`,
    );
  }
  if (current && expected !== current.version) {
    return new ConflictError(
      `${year} 年日历当前为第 ${current.version} 版，不是 If-Match 中的第 ${expected} 版，请重新读取 ` +
        `(year ${year} is at version ${current.version}, not ${expected})`,
    );
  }
  if (!current && expected !== undefined) {
    return new ConflictError(
      `${year} 年日历尚未载入，首次载入不带 If-Match (year ${year} is not loaded yet; omit If-Match)`,
    );
  }
  return undefined;
};

/** A new year must touch the loaded run: the year after its last, or the year before its first. */
const checkAdjacent = (year: number, loaded: readonly LoadedYear[]) => {
  const range = coveredYearRange(loaded.map((entry) => entry.year));
  if (!range || (year >= range.first - 1 && year <= range.last + 1)) return undefined;
  const next = year > range.last ? range.last + 1 : range.first - 1;
  const message = `须先载入 ${next} 年：已载入 ${range.first}–${range.last} 年，日历不能留空缺 (load ${next} first: the loaded years must not have a gap)`;
  return new UnprocessableError(message, [{ path: '/path/year', message }]);
};

/** The version to store, or the error that refuses the load. */
export const nextCalendarVersion = (request: LoadRequest) => {
  const { pathYear, document } = request;
  if (document.year !== pathYear) {
    const message = `须与路径中的年份 ${pathYear} 一致 (must equal the year in the path)`;
    throw new ValidationError('年份不一致 (year mismatch)', [{ path: '/body/year', message }]);
  }
  const current = request.loaded.find((entry) => entry.year === pathYear);
  const refusal =
    checkVersion(pathYear, current, request.expectedVersion) ??
    (current ? undefined : checkAdjacent(pathYear, request.loaded));
  if (refusal) throw refusal;
  return {
    year: pathYear,
    version: (current?.version ?? 0) + 1,
    loadedAt: request.at.toISOString(),
    loadedBy: request.by,
    document,
  };
};
