import {
  getSuggestionRoute,
  getSuggestionStatisticsRoute,
  getSuggestionTimelineRoute,
  listSuggestionsRoute,
  submitSuggestionRoute,
  transitionSuggestionRoute,
} from '../../shared/contracts/suggestions.ts';
import type { FunctionSpec } from '../manifest-spec.ts';

/** Deputies' suggestions (代表建议): file, list, read, transitions, timeline, statistics. */
export const SUGGESTION_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'suggestionsSubmit',
    entry: 'functions/suggestions/submit-suggestion.ts',
    description: 'File a deputy suggestion with co-signers',
    trigger: { kind: 'http', routes: [submitSuggestionRoute] },
    // registry: that co-signers are registered deputies.
    tables: { workflow: 'readWrite', registry: 'read' },
  },
  {
    id: 'suggestionsList',
    entry: 'functions/suggestions/list-suggestions.ts',
    description: 'List the suggestions the caller may see, with filters',
    trigger: { kind: 'http', routes: [listSuggestionsRoute] },
    // readWrite: a rating round whose time is up is closed when listed.
    tables: { workflow: 'readWrite' },
  },
  {
    id: 'suggestionsGet',
    entry: 'functions/suggestions/get-suggestion.ts',
    description: 'Read one suggestion with the caller’s allowed actions',
    trigger: { kind: 'http', routes: [getSuggestionRoute] },
    // readWrite: a rating round whose time is up is closed on read.
    tables: { workflow: 'readWrite' },
  },
  {
    id: 'suggestionsTransition',
    entry: 'functions/suggestions/transition-suggestion.ts',
    description: 'Apply one workflow action to a suggestion',
    trigger: { kind: 'http', routes: [transitionSuggestionRoute] },
    // registry: that newly assigned units are known departments; calendar: the hand-back date.
    tables: { calendar: 'read', workflow: 'readWrite', registry: 'read' },
  },
  {
    id: 'suggestionsTimeline',
    entry: 'functions/suggestions/get-suggestion-timeline.ts',
    description: 'The append-only timeline of a suggestion',
    trigger: { kind: 'http', routes: [getSuggestionTimelineRoute] },
    tables: { workflow: 'read' },
  },
  {
    id: 'suggestionsStatistics',
    entry: 'functions/suggestions/get-suggestion-statistics.ts',
    description: 'Suggestion handling statistics per lead unit and overall',
    trigger: { kind: 'http', routes: [getSuggestionStatisticsRoute] },
    tables: { workflow: 'read' },
  },
];
