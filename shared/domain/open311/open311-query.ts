import { localTimeToInstant } from '../calendar/local-date.ts';
import { isCaseCategoryId } from '../cases/case-categories.ts';
import { type FieldError, ValidationError } from '../errors.ts';
import { OPEN311_STATUSES, type Open311Status } from './open311-request-view.ts';

/**
 * GET requests' parameters (GeoReport v2): `service_request_id` (comma-separated) overrides all the
 * others; otherwise `service_code` and `status` (comma-separated, any of them), and a range of
 * requested_datetime from `start_date` to `end_date` that may not span more than 90 days — the
 * most recent 90 days when neither is given, 90 days from the one given otherwise.
 */
export const MAX_SPAN_DAYS = 90;
export const MAX_IDS = 100;
const DAY_MS = 86_400_000;

export type RequestQuery =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'range'; from: Date; to: Date; serviceCodes?: string[]; statuses?: Open311Status[] };

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

const W3_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const W3_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A w3 date-time with its zone, or a date (its local midnight in the deployment's zone). */
const instantOf = (value: string, timeZone: string): Date | undefined => {
  if (W3_DATE.test(value)) {
    const instant = localTimeToInstant(value, 0, timeZone);
    return Number.isNaN(instant.getTime()) ? undefined : instant;
  }
  if (!W3_DATE_TIME.test(value)) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
};

const dateField = (name: string, value: string | undefined, timeZone: string, errors: FieldError[]) => {
  if (value === undefined || value.trim() === '') return undefined;
  const instant = instantOf(value.trim(), timeZone);
  if (instant === undefined) {
    errors.push({
      path: `/query/${name}`,
      message: '应为带时区的 w3 日期时间，如 2026-12-01T00:00:00+08:00 (a w3 date-time with its zone)',
    });
  }
  return instant;
};

const rangeOf = (start: Date | undefined, end: Date | undefined, now: Date, errors: FieldError[]) => {
  const to = end ?? (start === undefined ? now : new Date(start.getTime() + MAX_SPAN_DAYS * DAY_MS));
  const from = start ?? new Date(to.getTime() - MAX_SPAN_DAYS * DAY_MS);
  if (from.getTime() > to.getTime()) {
    errors.push({
      path: '/query/end_date',
      message: '结束日期 end_date 早于开始日期 start_date (end_date is before start_date)',
    });
  } else if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS) {
    errors.push({
      path: '/query/end_date',
      message: `查询范围不得超过 ${MAX_SPAN_DAYS} 天 (the range may not span more than ${MAX_SPAN_DAYS} days)`,
    });
  }
  return { from, to };
};

const filterErrors = (codes: string[], statuses: string[]): FieldError[] => [
  ...codes
    .filter((code) => !isCaseCategoryId(code))
    .map((code) => ({
      path: '/query/service_code',
      message: `没有此服务 ${code.slice(0, 100)} (unknown service_code)`,
    })),
  ...statuses
    .filter((status) => !(OPEN311_STATUSES as readonly string[]).includes(status))
    .map((status) => ({
      path: '/query/status',
      message: `状态 ${status.slice(0, 20)} 无效，可用 open 或 closed (status must be open or closed)`,
    })),
];

export const parseRequestQuery = (
  query: Readonly<Record<string, string | undefined>>,
  now: Date,
  timeZone: string,
): RequestQuery => {
  const ids = list(query.service_request_id);
  if (ids.length > MAX_IDS || ids.some((id) => id.length > 200)) {
    const message = `最多 ${MAX_IDS} 个编号 (at most ${MAX_IDS} ids of up to 200 characters)`;
    throw new ValidationError(message, [{ path: '/query/service_request_id', message }]);
  }
  if (ids.length > 0) return { kind: 'ids', ids: [...new Set(ids)] };
  const errors: FieldError[] = [];
  const start = dateField('start_date', query.start_date, timeZone, errors);
  const end = dateField('end_date', query.end_date, timeZone, errors);
  const { from, to } = rangeOf(start, end, now, errors);
  const codes = list(query.service_code);
  const statuses = list(query.status).map((status) => status.toLowerCase());
  errors.push(...filterErrors(codes, statuses));
  if (errors.length > 0) throw new ValidationError('查询参数无效 (invalid query)', errors);
  return {
    kind: 'range',
    from,
    to,
    ...(codes.length === 0 ? {} : { serviceCodes: codes }),
    ...(statuses.length === 0 ? {} : { statuses: statuses as Open311Status[] }),
  };
};
