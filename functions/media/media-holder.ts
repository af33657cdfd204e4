import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoCaseStore } from '../../shared/adapters/dynamodb/case-store.ts';
import { DynamoSuggestionStore } from '../../shared/adapters/dynamodb/suggestion-store.ts';
import { tableName } from '../../shared/config/env.ts';
import type { MediaHolder } from '../../shared/domain/media/media-access.ts';
import type { MediaRecord } from '../../shared/domain/media/media-record.ts';

const cases = new DynamoCaseStore(getDocumentClient(), tableName('workflow'));
const suggestions = new DynamoSuggestionStore(getDocumentClient(), tableName('workflow'));

/**
 * The record a file is attached to, read for the read rule (media-access.ts); a split suggestion
 * with its parts. Undefined when the file is attached to nothing or the record is gone.
 */
export const mediaHolderOf = async (media: MediaRecord | undefined): Promise<MediaHolder | undefined> => {
  const attachment = media?.attachedTo;
  if (attachment === undefined) return undefined;
  if (attachment.kind === 'case') {
    const record = await cases.get(attachment.id);
    return record && { kind: 'case', record };
  }
  const record = await suggestions.get(attachment.id);
  if (record === undefined) return undefined;
  const parts = await Promise.all((record.parts ?? []).map((part) => suggestions.get(part.id)));
  return { kind: 'suggestion', record, parts: parts.filter((part) => part !== undefined) };
};
