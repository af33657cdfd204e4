import { isOverdue } from '../calendar/working-time.ts';
import { haversineMeters } from '../geo/distance.ts';
import type { LatLng } from '../geo/geohash.ts';
import { hasAnyRole, type Principal } from '../roles.ts';
import type { CaseCategoryId } from './case-categories.ts';
import { CASE_OVERSEERS, canViewCase, DEPARTMENT_STAFF } from './case-permissions.ts';
import { reporterFilterAllowed } from './case-privacy.ts';
import type { CaseRecord, CaseState } from './case-record.ts';

/**
 * States in which the department holds the case and its deadline runs (also the indicators' view).
 * `rectified` is one: the rectification waits for the department's own head, whose sign-off is the
 * department's completion (docs/workflow-rules.md, "On time is the department's own step").
 */
export const DEADLINE_RUNNING_STATES: readonly CaseState[] = ['dispatched', 'inProgress', 'rectified'];

/** States that end a case for duplicate detection: nothing more will be done on the spot. */
export const FINISHED_STATES: readonly CaseState[] = ['rejected', 'duplicate', 'closed'];

/**
 * Overdue is derived, never stored: the department holds the case and its deadline has passed.
 * A case awaiting verification, closed or suspended is not overdue (its clock has stopped).
 */
export const isCaseOverdue = (record: CaseRecord, now: Date): boolean =>
  DEADLINE_RUNNING_STATES.includes(record.state) && isOverdue(record.deadline, now);

export const isCaseOpen = (record: CaseRecord): boolean => !FINISHED_STATES.includes(record.state);

export interface CaseListFilter {
  state?: CaseState;
  categoryId?: CaseCategoryId;
  /** Assigned to this department, as lead or co-department. */
  departmentId?: string;
  overdue?: boolean;
  reporterId?: string;
  /** Submitted at or after (UTC instant). */
  from?: Date;
  /** Submitted before (UTC instant, exclusive). */
  to?: Date;
  near?: LatLng;
  radiusMeters?: number;
}

type FilterCheck = (record: CaseRecord, filter: CaseListFilter, now: Date) => boolean;

/** One check per filter; each passes when its filter is not set. */
const FILTER_CHECKS: readonly FilterCheck[] = [
  (r, f) => f.state === undefined || r.state === f.state,
  (r, f) => f.categoryId === undefined || r.categoryId === f.categoryId,
  (r, f) => f.reporterId === undefined || r.reporterId === f.reporterId,
  (r, f) => f.departmentId === undefined || isAssignedTo(r, f.departmentId),
  (r, f, now) => f.overdue === undefined || isCaseOverdue(r, now) === f.overdue,
  (r, f) => f.from === undefined || Date.parse(r.submittedAt) >= f.from.getTime(),
  (r, f) => f.to === undefined || Date.parse(r.submittedAt) < f.to.getTime(),
  (r, f) =>
    f.near === undefined ||
    (r.location !== undefined &&
      haversineMeters(f.near, r.location) <= (f.radiusMeters ?? DEFAULT_RADIUS_METERS)),
];

/** Every filter the caller set must hold; a `near` filter drops cases without a location. */
export const matchesCaseFilter = (record: CaseRecord, filter: CaseListFilter, now: Date): boolean =>
  FILTER_CHECKS.every((check) => check(record, filter, now));

export const DEFAULT_RADIUS_METERS = 500;

const isAssignedTo = (record: CaseRecord, departmentId: string): boolean =>
  record.leadDepartmentId === departmentId || record.coDepartmentIds.includes(departmentId);

/**
 * Where a listing must look, as audiences rather than storage keys: every case (or every case in
 * one state and/or category), the cases assigned to one department, one reporter's cases, or the
 * public ones. The store maps each to an index partition.
 */
export type CaseListSource =
  | { kind: 'all'; state?: CaseState; categoryId?: CaseCategoryId }
  | { kind: 'department'; departmentId: string }
  | { kind: 'reporter'; reporterId: string }
  | { kind: 'public' };

/**
 * The smallest set of partitions that holds every case this principal may see and the filter can
 * match. Visibility is checked again per case (`canViewCase`), so a source that is too wide cannot
 * leak anything; one that is too narrow would hide cases, which is what the tests pin.
 */
export const caseListSources = (principal: Principal, filter: CaseListFilter): CaseListSource[] => {
  if (hasAnyRole(principal, CASE_OVERSEERS)) {
    if (filter.departmentId !== undefined) return [{ kind: 'department', departmentId: filter.departmentId }];
    if (filter.reporterId !== undefined) return [{ kind: 'reporter', reporterId: filter.reporterId }];
    // Every case in this state and/or category, so a filtered page is one read, not several.
    return [
      {
        kind: 'all',
        ...(filter.state === undefined ? {} : { state: filter.state }),
        ...(filter.categoryId === undefined ? {} : { categoryId: filter.categoryId }),
      },
    ];
  }
  const sources: CaseListSource[] = [];
  if (hasAnyRole(principal, DEPARTMENT_STAFF) && principal.departmentId !== undefined) {
    sources.push({ kind: 'department', departmentId: principal.departmentId });
  }
  if (hasAnyRole(principal, ['deputy'])) {
    sources.push({ kind: 'reporter', reporterId: principal.userId });
    // A deputy may not filter other deputies' public cases by reporter (case-privacy.ts).
    if (filter.reporterId === undefined) sources.push({ kind: 'public' });
  }
  return sources;
};

/**
 * A listed case is shown when the principal may see it and it matches the filter; a reporter filter
 * matches only cases whose reporter the principal may know (not another deputy's public cases).
 */
export const listsCase = (principal: Principal, record: CaseRecord, filter: CaseListFilter, now: Date) =>
  canViewCase(principal, record) &&
  matchesCaseFilter(record, filter, now) &&
  (filter.reporterId === undefined || reporterFilterAllowed(principal, record));

export interface PossibleDuplicate {
  id: string;
  distanceMeters: number;
  state: CaseState;
}

/** How near an open case of the same category must be to be named a possible duplicate. */
export const DUPLICATE_RADIUS_METERS = 50;

/**
 * How many possible duplicates a case names: the nearest. The list is stored on the case and copied
 * to each of its listing snapshots, which every later report nearby reads again; unbounded, a hotspot
 * (dozens of open reports of one smell) made each new case there larger than the last. Staff see
 * every open case around with `GET /cases?near=…`.
 */
export const MAX_POSSIBLE_DUPLICATES = 10;

/**
 * Open cases of the same category within `radiusMeters` (50 m by default), the
 * `MAX_POSSIBLE_DUPLICATES` nearest, nearest first.
 */
export const possibleDuplicates = (
  created: CaseRecord,
  candidates: readonly CaseRecord[],
  radiusMeters = DUPLICATE_RADIUS_METERS,
): PossibleDuplicate[] => {
  const here = created.location;
  if (!here) return [];
  const found = new Map<string, PossibleDuplicate>();
  for (const other of candidates) {
    if (other.id === created.id || other.categoryId !== created.categoryId) continue;
    if (!other.location || !isCaseOpen(other)) continue;
    const distanceMeters = haversineMeters(here, other.location);
    if (distanceMeters <= radiusMeters) {
      found.set(other.id, {
        id: other.id,
        distanceMeters: Math.round(distanceMeters * 10) / 10,
        state: other.state,
      });
    }
  }
  return [...found.values()]
    .sort((a, b) => a.distanceMeters - b.distanceMeters)
    .slice(0, MAX_POSSIBLE_DUPLICATES);
};
