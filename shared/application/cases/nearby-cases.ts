import { DUPLICATE_RADIUS_METERS } from '../../domain/cases/case-listing.ts';
import type { CaseRecord } from '../../domain/cases/case-record.ts';
import type { CaseStore } from '../../ports/case-store.ts';

/**
 * The open cases of a case's category near it: the store answers those whose cell a 50 m circle
 * reaches; `possibleDuplicates` (case-listing.ts) then decides by distance.
 */
export const nearbyOpenCases = (cases: CaseStore, record: CaseRecord): Promise<CaseRecord[]> =>
  record.location
    ? cases.nearbyOpen(record.categoryId, record.location, DUPLICATE_RADIUS_METERS)
    : Promise.resolve([]);
