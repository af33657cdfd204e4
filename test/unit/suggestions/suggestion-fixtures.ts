import { defaultWorkingCalendar } from '../../../shared/domain/calendar/bundled-calendar.ts';
import type { Principal } from '../../../shared/domain/roles.ts';
import { submitSuggestion } from '../../../shared/domain/suggestions/submit-suggestion.ts';
import {
  applySuggestionTransition,
  type SuggestionEnv,
} from '../../../shared/domain/suggestions/suggestion-machine.ts';
import type {
  SuggestionRecord,
  SuggestionTimelineEntry,
} from '../../../shared/domain/suggestions/suggestion-record.ts';

/** Shared test data for the suggestion workflow: people, a filed suggestion, the environment. */

export const LEAD = 'dept-ecology';
export const CO = 'dept-water';
export const OTHER = 'dept-urban-management';

export const people = {
  filer: { userId: 'u-deputy-1', username: 'deputy-1', roles: ['deputy'] },
  coSigner: { userId: 'u-deputy-2', username: 'deputy-2', roles: ['deputy'] },
  otherDeputy: { userId: 'u-deputy-3', username: 'deputy-3', roles: ['deputy'] },
  supervisor: { userId: 'u-supervisor', username: 'supervisor', roles: ['supervisor'] },
  leadHandler: { userId: 'u-handler-eco', username: 'handler-eco', roles: ['handler'], departmentId: LEAD },
  leadHead: { userId: 'u-head-eco', username: 'head-eco', roles: ['head'], departmentId: LEAD },
  coHandler: { userId: 'u-handler-water', username: 'handler-water', roles: ['handler'], departmentId: CO },
  coHead: { userId: 'u-head-water', username: 'head-water', roles: ['head'], departmentId: CO },
  otherHead: { userId: 'u-head-um', username: 'head-um', roles: ['head'], departmentId: OTHER },
} satisfies Record<string, Principal>;

export const env: SuggestionEnv = { calendar: defaultWorkingCalendar() };

/** A suggestion filed by `filer` and co-signed by `coSigner`, on Monday 2026-03-02 09:00 Shanghai. */
export const filed = (id = 'sug-1') =>
  submitSuggestion({
    id,
    principal: people.filer,
    payload: {
      title: '关于加快老旧小区供热管网节能改造的建议',
      body: 'Replace leaking district-heating pipes in pre-2000 housing estates.',
      category: 'energyAndCarbon',
      attachments: ['m-survey'],
      coSignerIds: [people.coSigner.userId],
    },
    at: new Date('2026-03-02T01:00:00Z'),
  });

/** Drives one suggestion through actions at given instants, keeping the timeline. */
export const story = (start: { record: SuggestionRecord; entry: SuggestionTimelineEntry }) => {
  let record = start.record;
  const timeline: SuggestionTimelineEntry[] = [start.entry];
  const step = (action: string, principal: Principal, at: string, payload: unknown = {}) => {
    const result = applySuggestionTransition(record, { action, principal, payload, at: new Date(at) }, env);
    record = result.record;
    timeline.push(result.entry);
    return result.record;
  };
  /** Tries an action without keeping its result; returns what it throws. */
  const attempt = (action: string, principal: Principal, at: string, payload: unknown = {}): unknown => {
    try {
      applySuggestionTransition(record, { action, principal, payload, at: new Date(at) }, env);
    } catch (error) {
      return error;
    }
    throw new Error(`${action} by ${principal.username} was expected to fail`);
  };
  return { step, attempt, current: () => record, timeline };
};

/** A suggestion accepted and assigned on Tuesday `assignAt` to LEAD with CO as co-handling unit. */
export const assignedStory = (assignAt: string, coUnitIds: string[] = [CO]) => {
  const s = story(filed());
  s.step('accept', people.supervisor, '2026-03-02T02:00:00Z');
  s.step('assign', people.supervisor, assignAt, { leadUnitId: LEAD, coUnitIds });
  return s;
};
