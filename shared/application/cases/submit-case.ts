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
  const request = { id, principal, payload: input.payload, at };
  // Checked first (a bad body reads nothing), then the reads this write needs all at once: they
  // sit on the path of every POST /cases. The name changes nothing the reads depend on.
  const checked = newCase(request);
  const [reporterName, claims, nearby] = await Promise.all([
    input.showReporterName ? ports.displayNameOf(principal) : undefined,
    ports.citeMedia(principal, checked.record.mediaIds, '/body/mediaIds', {
      kind: 'case',
      id,
      part: 'report',
      seq: checked.entry.seq,
      by: principal.userId,
      at: checked.record.submittedAt,
    }),
    nearbyOpenCases(ports.cases, checked.record),
  ]);
  const submitted = reporterName === undefined ? checked : newCase({ ...request, reporterName });
  const found = possibleDuplicates(submitted.record, nearby);
  const record = found.length === 0 ? submitted.record : { ...submitted.record, possibleDuplicates: found };
  await ports.cases.create(
    { record, entry: submitted.entry },
    { claims, ...(input.mark === undefined ? {} : { mark: input.mark }) },
  );
  return { record, nearby };
};
