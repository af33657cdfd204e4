import { formatLocalDateTime } from '../calendar/local-time-text.ts';
import { formatLocalDateTimeEn } from '../calendar/local-time-text-en.ts';
import { type EscalationLevel, escalationLabel } from './escalation.ts';
import type { WorkflowRecord } from './state-machine.ts';
import { SYSTEM_ACTOR_ROLE, type TimelineEntry } from './timeline.ts';

/** The actor id under which the escalation job writes; no person holds it. */
export const ESCALATION_ACTOR_ID = 'system:escalation';

export interface Escalatable<S extends string> extends WorkflowRecord<S> {
  /** The highest escalation level reached; absent before the first. */
  escalationLevel?: Exclude<EscalationLevel, 0>;
}

/**
 * One escalation as a workflow step: the record's level goes up, its state does not change, and the
 * timeline gets an entry naming the level — the same versioned write as any transition, so a person
 * acting on the record at that moment and the job cannot overwrite each other.
 */
export const escalationStep = <S extends string, R extends Escalatable<S>>(
  record: R,
  level: Exclude<EscalationLevel, 0>,
  at: Date,
  deadline: string,
  timeZone: string,
): { record: R; entry: TimelineEntry<S, 'escalate'> } => {
  const label = escalationLabel(level);
  const version = record.version + 1;
  return {
    record: { ...record, version, escalationLevel: level },
    entry: {
      seq: version,
      at: at.toISOString(),
      actorId: ESCALATION_ACTOR_ID,
      actorRole: SYSTEM_ACTOR_ROLE,
      action: 'escalate',
      from: record.state,
      to: record.state,
      note:
        `督办升级至${label.zh}：${level === 1 ? '临近' : '已超过'}办理期限 ${formatLocalDateTime(deadline, timeZone)}` +
        ` Escalated to the ${label.en} (${level === 1 ? 'deadline near' : 'deadline passed'}: ${formatLocalDateTimeEn(deadline, timeZone)})`,
      mediaIds: [],
      details: { level, levelId: label.id, deadline },
    },
  };
};
