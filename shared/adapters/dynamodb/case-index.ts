import type { CaseListSource } from '../../domain/cases/case-listing.ts';
import { isCaseOpen } from '../../domain/cases/case-listing.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../domain/cases/case-record.ts';
import { encodeGeohash, geohashCellsWithin } from '../../domain/geo/geohash.ts';
import { caseAwaitsRecompute } from '../../domain/workflow/deadline-recompute.ts';
import { listingPosition } from '../../domain/workflow/listing-position.ts';
import { provisionalMarkerWrites } from './provisional-deadlines.ts';
import type { IndexKeys, SideItem, WorkflowLayout } from './workflow-layout.ts';

/**
 * How cases are listed in the workflow table (two GSIs, both projecting ALL).
 *
 * The record `pk CASE#<id>, sk RECORD` carries
 *   gsi1: `CASES#DEPT#<leadDepartmentId>` (or `CASES#UNASSIGNED`), sk `<submittedAt>#<id>`
 *   gsi2: `CASES#REPORTER#<reporterId>`, sk `<submittedAt>#<id>`
 * A case is listed in more places than two keys allow, so it also has listing snapshots: copies of
 * the record under the case's own pk, rewritten in the same transaction as every change of the
 * record (so they never lag the record by more than the index's own propagation):
 *   sk `LIST#ALL`            gsi1 `CASES#ALL`               — supervisors and admins
 *                            gsi2 `CASES#STATE#<state>#CATEGORY#<category>` — their list filtered by both
 *   sk `LIST#FACET`          gsi1 `CASES#STATE#<state>`     — … filtered by state
 *                            gsi2 `CASES#CATEGORY#<category>` — … filtered by category
 *   sk `LIST#PUBLIC`         gsi1 `CASES#PUBLIC`            — public cases, for every deputy
 *   sk `LIST#CODEPT#<dept>`  gsi1 `CASES#DEPT#<dept>`       — one per co-department, so one query on
 *                                                              the department's partition finds lead
 *                                                              and co-department cases alike
 *   sk `LIST#GEO`            gsi2 `CASES#GEO#<category>#<geohash6>`,
 *                                 sk `<geohash7>#<submittedAt>#<id>` — open located cases only, for
 *                                                              duplicate detection (GEO_PRECISION)
 * all but LIST#GEO with the same sort key `<submittedAt>#<id>`, so a case sorts alike everywhere and a listing
 * can merge partitions by sort key. When a snapshot no longer applies (a co-department dropped on
 * return, a case closed) it is overwritten by a bare `{pk, sk}` tombstone: out of every index.
 *
 * A provisional deadline's marker (provisional-deadlines.ts), sk `PROVISIONAL`, while the open case
 * awaits its recomputation.
 *
 * Dispatch facts, immutable: sk `DISPATCH#<seq>` gsi2 `DISPATCHES#DEPT#<lead>`, sk `<at>#<id>`, for
 * department indicators over a dispatch-date range (a case returned and re-dispatched elsewhere
 * still counts where it was dispatched).
 *
 * `CASES#ALL` is one partition: a district's few thousand cases a year are far below a GSI
 * partition's write limit (1,000 WCU/s), and one partition keeps "newest first" paging exact. If
 * volumes grew, it would be sharded by month with the cursor naming the month.
 */

const caseSortKey = listingPosition;

const casePk = (id: string) => `CASE#${id}`;
const departmentPartition = (departmentId: string) => `CASES#DEPT#${departmentId}`;

/**
 * Open located cases are listed by geohash-6 cell (610 m × 1.2 km at the equator, narrower east–west
 * further north) and sorted by their geohash-7 cell (153 m): the 1–4 small cells a 50 m circle
 * reaches share their large cell for about three points in four, and are then one Query of one sort
 * key range. It was one partition per small cell (3.26 Queries a POST in the bench);
 * `infra/ops/relist-cases.ts` moves the snapshots written before.
 */
export const GEO_PRECISION = 7;
const GEO_PARTITION_PRECISION = 6;
const geoPartition = (categoryId: string, cell: string) => `CASES#GEO#${categoryId}#${cell}`;

/** The index keys of the record item itself. */
export const caseIndexKeys = (record: CaseRecord): IndexKeys => ({
  gsi1pk: record.leadDepartmentId ? departmentPartition(record.leadDepartmentId) : 'CASES#UNASSIGNED',
  gsi1sk: caseSortKey(record),
  gsi2pk: `CASES#REPORTER#${record.reporterId}`,
  gsi2sk: caseSortKey(record),
});

const snapshot = (record: CaseRecord, sk: string, keys: IndexKeys): SideItem => ({
  ...record,
  ...keys,
  pk: casePk(record.id),
  sk,
  kind: 'case-listing',
});

/** The listing snapshots this state of the record must have. */
export const caseListingItems = (record: CaseRecord): SideItem[] => {
  const sk = caseSortKey(record);
  const items = [
    snapshot(record, 'LIST#ALL', {
      gsi1pk: 'CASES#ALL',
      gsi1sk: sk,
      gsi2pk: facetPartition({ state: record.state, categoryId: record.categoryId }),
      gsi2sk: sk,
    }),
    snapshot(record, 'LIST#FACET', {
      gsi1pk: facetPartition({ state: record.state }),
      gsi1sk: sk,
      gsi2pk: facetPartition({ categoryId: record.categoryId }),
      gsi2sk: sk,
    }),
  ];
  if (record.isPublic) items.push(snapshot(record, 'LIST#PUBLIC', { gsi1pk: 'CASES#PUBLIC', gsi1sk: sk }));
  for (const departmentId of record.coDepartmentIds) {
    items.push(
      snapshot(record, `LIST#CODEPT#${departmentId}`, {
        gsi1pk: departmentPartition(departmentId),
        gsi1sk: sk,
      }),
    );
  }
  if (record.location && isCaseOpen(record)) {
    const cell = encodeGeohash(record.location, GEO_PRECISION);
    items.push(
      snapshot(record, 'LIST#GEO', {
        gsi2pk: geoPartition(record.categoryId, cell.slice(0, GEO_PARTITION_PRECISION)),
        gsi2sk: `${cell}#${sk}`,
      }),
    );
  }
  return items;
};

/**
 * Side items to write with a change from `previous` to `next`: the snapshots of `next`, tombstones
 * for those of `previous` that no longer apply, and the dispatch fact when the step dispatched.
 */
export const caseSideWrites = (
  previous: CaseRecord | undefined,
  next: CaseRecord,
  entry?: CaseTimelineEntry,
): SideItem[] => {
  const current = caseListingItems(next);
  const keep = new Set(current.map((item) => item.sk));
  const retired = (previous ? caseListingItems(previous) : [])
    .filter((item) => !keep.has(item.sk))
    .map((item) => ({ pk: item.pk, sk: item.sk, kind: 'case-listing-retired' }));
  const facts: SideItem[] = [];
  if (entry?.action === 'dispatch' && next.leadDepartmentId) {
    facts.push({
      pk: casePk(next.id),
      sk: `DISPATCH#${String(entry.seq).padStart(6, '0')}`,
      kind: 'case-dispatch',
      caseId: next.id,
      departmentId: next.leadDepartmentId,
      at: entry.at,
      gsi2pk: `DISPATCHES#DEPT#${next.leadDepartmentId}`,
      gsi2sk: `${entry.at}#${next.id}`,
      mustNotExist: true,
    });
  }
  const marker = provisionalMarkerWrites('CASE', previous, next, caseAwaitsRecompute);
  return [...current, ...retired, ...facts, ...marker];
};

/** Every case in one state and/or category (one of them at least). */
const facetPartition = (facets: { state?: string; categoryId?: string }): string =>
  [
    'CASES',
    ...(facets.state === undefined ? [] : [`STATE#${facets.state}`]),
    ...(facets.categoryId === undefined ? [] : [`CATEGORY#${facets.categoryId}`]),
  ].join('#');

/** Every case, or every case in a state and/or category: LIST#ALL and LIST#FACET above. */
const allCasesQuery = (facets: { state?: string; categoryId?: string }) => {
  if (facets.state === undefined && facets.categoryId === undefined) {
    return { index: 'gsi1', partition: 'CASES#ALL' } as const;
  }
  // LIST#FACET holds the state alone on gsi1; the category alone and both together are on gsi2.
  const index = facets.categoryId === undefined ? 'gsi1' : 'gsi2';
  return { index, partition: facetPartition(facets) } as const;
};

/** The index partition holding one listing audience. */
export const caseSourceQuery = (source: CaseListSource): { index: 'gsi1' | 'gsi2'; partition: string } => {
  switch (source.kind) {
    case 'all':
      return allCasesQuery(source);
    case 'public':
      return { index: 'gsi1', partition: 'CASES#PUBLIC' };
    case 'department':
      return { index: 'gsi1', partition: departmentPartition(source.departmentId) };
    case 'reporter':
      return { index: 'gsi2', partition: `CASES#REPORTER#${source.reporterId}` };
  }
};

/**
 * Where open cases within `meters` of a point are listed: one gsi2 partition per large cell the
 * circle reaches (usually one) and, in it, the sort key range from the first to the last small cell
 * reached. The range may hold cells between those (geohash order is a Z-curve); the caller keeps
 * what is near enough.
 */
export const nearbyOpenCaseRanges = (
  categoryId: string,
  location: { latitude: number; longitude: number },
  meters: number,
): { partition: string; from: string; to: string }[] => {
  const byPartition = new Map<string, string[]>();
  for (const cell of geohashCellsWithin(location, GEO_PRECISION, meters)) {
    const large = cell.slice(0, GEO_PARTITION_PRECISION);
    byPartition.set(large, [...(byPartition.get(large) ?? []), cell]);
  }
  return [...byPartition].map(([large, cells]) => {
    const sorted = cells.sort();
    // `~` sorts after `#` and every geohash character: the range ends after the last cell's items.
    return { partition: geoPartition(categoryId, large), from: sorted[0] ?? large, to: `${sorted.at(-1)}~` };
  });
};

export const dispatchFactsPartition = (departmentId: string) => `DISPATCHES#DEPT#${departmentId}`;

/** The partition key of a case's items, for comments. */
export const casePartitionKey = casePk;

/** Cases in the workflow table: the record's keys and side items above, with every write. */
export const caseLayout: WorkflowLayout<CaseRecord, CaseTimelineEntry> = {
  prefix: 'CASE',
  recordKeys: caseIndexKeys,
  sideWrites: caseSideWrites,
};
