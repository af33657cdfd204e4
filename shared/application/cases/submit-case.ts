import { possibleDuplicates } from '../../domain/cases/case-listing.ts';
import type { CaseRecord } from '../../domain/cases/case-record.ts';
import { submitCase as newCase } from '../../domain/cases/submit-case.ts';
import type { Principal } from '../../domain/roles.ts';
import type { CaseStore } from '../../ports/case-store.ts';
import type { CreationMark } from '../../ports/workflow-store.ts';
import type { CiteMedia } from '../workflow/workflow-ports.ts';
import { nearbyOpenCases } from './nearby-cases.ts';

export interface SubmitCasePorts {
  cases: CaseStore;
  citeMedia: CiteMedia;
  /** The name other deputies may see when the reporter allows it (undefined: none is shown). */
  displayNameOf: (principal: Principal) => Promise<string | undefined>;
}

export interface SubmitCaseInput {
  id: string;
  principal: Principal;
  /** The request body, checked by the domain (submit-case.ts). */
  payload: unknown;
  showReporterName?: boolean;
  at: Date;
  /** The client's Idempotency-Key, stored with the case. */
  mark?: CreationMark;
}

/**
 * A deputy's (or staff's) report becomes a case: its photos are checked and attached to it in its
 * creating write, and the open cases of its category within 50 m are found before the write, so the
 * staff who accept it see the same candidates (case-duplicates.ts). Answers the case and those
 * nearby cases (the caller decides which it may name).
 */
export const submitCase = async (
  ports: SubmitCasePorts,
  input: SubmitCaseInput,
): Promise<{ record: CaseRecord; nearby: CaseRecord[] }> => {
  const { id, principal, at } = input;
  const reporterName = input.showReporterName ? await ports.displayNameOf(principal) : undefined;
  const submitted = newCase({
    id,
    principal,
    payload: input.payload,
    at,
    ...(reporterName === undefined ? {} : { reporterName }),
  });
  const claims = await ports.citeMedia(principal, submitted.record.mediaIds, '/body/mediaIds', {
    kind: 'case',
    id,
    part: 'report',
    seq: submitted.entry.seq,
    by: principal.userId,
    at: submitted.record.submittedAt,
  });
  const nearby = await nearbyOpenCases(ports.cases, submitted.record);
  const found = possibleDuplicates(submitted.record, nearby);
  const record = found.length === 0 ? submitted.record : { ...submitted.record, possibleDuplicates: found };
  await ports.cases.create(
    { record, entry: submitted.entry },
    { claims, ...(input.mark === undefined ? {} : { mark: input.mark }) },
  );
  return { record, nearby };
};
