import { type FieldError, UnprocessableError } from '../../domain/errors.ts';
import type { Principal } from '../../domain/roles.ts';
import { submitSuggestion as newSuggestion } from '../../domain/suggestions/submit-suggestion.ts';
import type { SuggestionRecord } from '../../domain/suggestions/suggestion-record.ts';
import type { SuggestionStore } from '../../ports/suggestion-store.ts';
import type { CreationMark } from '../../ports/workflow-store.ts';
import type { CiteMedia } from '../workflow/workflow-ports.ts';

export interface SubmitSuggestionPorts {
  suggestions: SuggestionStore;
  citeMedia: CiteMedia;
  /** Whether a deputy is registered and active (the deputy directory). */
  isActiveDeputy: (userId: string) => Promise<boolean>;
}

/**
 * Files a suggestion: co-signers must be deputies the directory knows and has not disabled (a
 * made-up id, or a handler's, would leave a rating no one can give); its attachments are attached to
 * it in its creating write, where the store also lists it for the filer and every co-signer.
 */
export const submitSuggestion = async (
  ports: SubmitSuggestionPorts,
  input: { id: string; principal: Principal; payload: unknown; at: Date; mark?: CreationMark },
): Promise<SuggestionRecord> => {
  const { id, principal, at } = input;
  const { record, entry } = newSuggestion({ id, principal, payload: input.payload, at });
  await requireRegisteredDeputies(ports, record.coSignerIds);
  const claims = await ports.citeMedia(principal, record.attachments, '/body/attachments', {
    kind: 'suggestion',
    id,
    part: 'attachment',
    seq: entry.seq,
    by: principal.userId,
    at: entry.at,
  });
  await ports.suggestions.create(
    { record, entry },
    { claims, ...(input.mark === undefined ? {} : { mark: input.mark }) },
  );
  return record;
};

const requireRegisteredDeputies = async (ports: SubmitSuggestionPorts, ids: readonly string[]) => {
  const active = await Promise.all(ids.map((id) => ports.isActiveDeputy(id)));
  const errors: FieldError[] = ids.flatMap((id, i) =>
    active[i]
      ? []
      : [{ path: `/body/coSignerIds/${i}`, message: `${id} 不是已登记的人大代表 (not a registered deputy)` }],
  );
  if (errors.length > 0) {
    throw new UnprocessableError(
      '附议代表须为已登记的人大代表 (co-signers must be registered deputies)',
      errors,
    );
  }
};
