import type { WorkingTimeLimit } from '../cases/case-categories.ts';
import { findCaseCategory } from '../cases/case-categories.ts';
import { CASE_STATE_LABELS, type CaseRecord, type CaseState } from '../cases/case-record.ts';
import { serviceName } from './open311-services.ts';
import { localDateTime } from './open311-time.ts';

/**
 * A case as a GeoReport v2 service request. Only public cases are ever shown (`isOpen311Visible`),
 * and only what was reported and done: never the reporter, never the submitter's contact, never a
 * file's original (the media link is to the location-free public copy).
 */

/** Our states, as the two the spec knows: closed once nothing more will be done on the spot. */
export const OPEN311_STATUS: Readonly<Record<CaseState, 'open' | 'closed'>> = {
  submitted: 'open',
  accepted: 'open',
  rejected: 'closed',
  duplicate: 'closed',
  dispatched: 'open',
  inProgress: 'open',
  rectified: 'open',
  awaitingVerification: 'open',
  closed: 'closed',
  reopened: 'open',
  suspended: 'open',
};

export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

/** Private cases never appear through Open311: they are read by their reporter and the staff only. */
export const isOpen311Visible = (record: CaseRecord): boolean => record.isPublic;

/** The spec limits description to 4,000 characters; ours may hold 5,000. */
export const DESCRIPTION_MAX_CHARS = 4000;

const limitChars = (text: string, max: number): string => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
};

const periodText = ({ amount, unit }: WorkingTimeLimit): { zh: string; en: string } =>
  unit === 'workingDays'
    ? { zh: `${amount} 个工作日`, en: `${amount} working days` }
    : { zh: `${amount} 个工作小时`, en: `${amount} working hours` };

/** What will be done, from the category's handling period: the service_notice. */
export const serviceNotice = (categoryId: string): string | undefined => {
  const category = findCaseCategory(categoryId);
  if (category === undefined) return undefined;
  const period = periodText(category.sla);
  return `立案并派遣至责任部门后 ${period.zh}内处置 (handled within ${period.en} of dispatch to the responsible department)`;
};

export interface RequestViewInput {
  record: CaseRecord;
  /** When the case last changed: its newest timeline step. */
  updatedAt: string;
  /** The lead department's name, once dispatched. */
  agency?: string;
  /** A short-lived link to the public copy of its first photo or video. */
  mediaUrl?: string;
  timeZone: string;
}

/** One `request` element, its fields in the spec's order; fields we cannot fill are left out. */
export const requestView = ({ record, updatedAt, agency, mediaUrl, timeZone }: RequestViewInput) => {
  const category = findCaseCategory(record.categoryId);
  const label = CASE_STATE_LABELS[record.state];
  const address = record.location?.address ?? record.viaClient?.address;
  return {
    service_request_id: record.id,
    status: OPEN311_STATUS[record.state],
    status_notes: `${label.zh} (${label.en})`,
    service_name: category === undefined ? record.categoryId : serviceName(category),
    service_code: record.categoryId,
    description: limitChars(record.description, DESCRIPTION_MAX_CHARS),
    agency_responsible: agency,
    service_notice: serviceNotice(record.categoryId),
    requested_datetime: localDateTime(record.submittedAt, timeZone),
    updated_datetime: localDateTime(updatedAt, timeZone),
    expected_datetime: record.deadline === undefined ? undefined : localDateTime(record.deadline, timeZone),
    address,
    lat: record.location?.latitude,
    long: record.location?.longitude,
    media_url: mediaUrl,
  };
};
