import type { OutboxEvent } from '../../shared/adapters/dynamodb/event-outbox.ts';
import type { DynamoOutboxReader } from '../../shared/adapters/dynamodb/outbox-reader.ts';
import type { CaseRecord, CaseTimelineEntry } from '../../shared/domain/cases/case-record.ts';
import { type AlertFacts, alertTellings } from '../../shared/domain/notifications/alert-tellings.ts';
import { caseTellings } from '../../shared/domain/notifications/case-tellings.ts';
import type { MessageContext } from '../../shared/domain/notifications/message-text.ts';
import { alertEventId, workflowEventId } from '../../shared/domain/notifications/notification-ids.ts';
import type { NotificationEvent } from '../../shared/domain/notifications/notification-types.ts';
import { suggestionTellings } from '../../shared/domain/notifications/suggestion-tellings.ts';
import type {
  SuggestionRecord,
  SuggestionTimelineEntry,
} from '../../shared/domain/suggestions/suggestion-record.ts';

/**
 * An outbox item as the event it stands for: what it tells whom (the rules in
 * shared/domain/notifications/). Undefined when what it was about is gone (nothing to tell).
 */
export const eventOf = async (
  outbox: OutboxEvent,
  reader: DynamoOutboxReader,
  context: MessageContext & { ecologyDepartmentId: string },
): Promise<NotificationEvent | undefined> => {
  if (outbox.source === 'alert') {
    const alert = await reader.alert(outbox);
    if (alert === undefined) return undefined;
    return {
      eventId: alertEventId(outbox.ref),
      at: outbox.at,
      subject: { kind: 'alert', id: outbox.ref },
      tellings: alertTellings(alert as unknown as AlertFacts, context.ecologyDepartmentId),
    };
  }
  const step = await reader.workflowStep(outbox);
  if (step === undefined) return undefined;
  const tellings =
    outbox.source === 'case'
      ? caseTellings(
          step.record as unknown as CaseRecord,
          step.entry as unknown as CaseTimelineEntry,
          context,
        )
      : suggestionTellings(
          step.record as unknown as SuggestionRecord,
          step.entry as unknown as SuggestionTimelineEntry,
          context,
        );
  return {
    eventId: workflowEventId(outbox.source, outbox.ref, outbox.seq ?? 0),
    at: outbox.at,
    subject: { kind: outbox.source, id: outbox.ref },
    actorId: String(step.entry.actorId ?? ''),
    tellings,
  };
};
