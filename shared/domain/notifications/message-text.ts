import { formatLocalDate, formatLocalDateTime } from '../calendar/local-time-text.ts';
import type { GeoLocation } from '../cases/case-record.ts';

/** Pieces of the zh-CN texts notifications are made of: places, deadlines, names. */

export interface MessageContext {
  timeZone: string;
  /** A department's name for people (区生态环境局); its id when the registry does not know it. */
  departmentName: (id: string) => string;
}

/** The address when the reporter gave one, else the coordinates in words. */
export const placeText = (location: GeoLocation | undefined): string => {
  if (location === undefined) return '未注明地点';
  if (location.address !== undefined && location.address.trim() !== '') return location.address;
  const lat = `${location.latitude >= 0 ? '北纬' : '南纬'}${Math.abs(location.latitude).toFixed(4)}°`;
  const lon = `${location.longitude >= 0 ? '东经' : '西经'}${Math.abs(location.longitude).toFixed(4)}°`;
  return `${lat}，${lon}`;
};

export const deadlineText = (deadline: string | undefined, timeZone: string): string =>
  deadline === undefined ? '未定' : formatLocalDateTime(deadline, timeZone);

/** A suggestion's reply date is a local date, due by the end of that day. */
export const replyDueText = (replyDue: string | undefined): string =>
  replyDue === undefined ? '未定' : `${formatLocalDate(replyDue)}前`;

export const namesOf = (ids: readonly string[], context: MessageContext): string =>
  ids.map((id) => context.departmentName(id)).join('、');
