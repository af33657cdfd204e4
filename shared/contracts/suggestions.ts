import { defineRoute, type RouteContract } from './route.ts';
import {
  SIGNED_IN,
  SubmitSuggestionRequestSchema,
  SuggestionIdParamsSchema,
  SuggestionListQuerySchema,
  SuggestionTransitionRequestSchema,
  suggestionAnswers,
  TAG,
} from './suggestion-schemas.ts';
import { getSuggestionStatisticsRoute } from './suggestion-statistics.ts';

/** The suggestion routes. Schemas and statistics live in suggestion-*.ts and are re-exported here. */
export {
  SubmitSuggestionRequestSchema,
  SuggestionIdParamsSchema,
  SuggestionListQuerySchema,
  SuggestionTransitionRequestSchema,
  suggestionAnswers,
} from './suggestion-schemas.ts';
export {
  getSuggestionStatisticsRoute,
  SuggestionStatisticsQuerySchema,
  SuggestionStatisticsSchema,
} from './suggestion-statistics.ts';

export const submitSuggestionRoute = defineRoute({
  id: 'submitSuggestion',
  method: 'POST',
  path: '/suggestions',
  roles: ['deputy'],
  summary: 'File a suggestion (提出代表建议) with co-signing deputies; Idempotency-Key makes a retry safe',
  tag: TAG,
  body: SubmitSuggestionRequestSchema,
  get response() {
    return suggestionAnswers().SuggestionViewSchema;
  },
  successStatus: 201,
  errorStatuses: [422],
});

export const listSuggestionsRoute = defineRoute({
  id: 'listSuggestions',
  method: 'GET',
  path: '/suggestions',
  roles: SIGNED_IN,
  summary:
    'List the suggestions the caller may see, newest first: deputies their own and co-signed, units those assigned to them',
  tag: TAG,
  query: SuggestionListQuerySchema,
  get response() {
    return suggestionAnswers().SuggestionListSchema;
  },
  successStatus: 200,
});

export const getSuggestionRoute = defineRoute({
  id: 'getSuggestion',
  method: 'GET',
  path: '/suggestions/{id}',
  roles: SIGNED_IN,
  summary: 'Read one suggestion with the actions the caller may take; 404 when the caller may not see it',
  tag: TAG,
  params: SuggestionIdParamsSchema,
  get response() {
    return suggestionAnswers().SuggestionViewSchema;
  },
  successStatus: 200,
  errorStatuses: [404],
});

export const transitionSuggestionRoute = defineRoute({
  id: 'transitionSuggestion',
  method: 'POST',
  path: '/suggestions/{id}/transitions',
  roles: SIGNED_IN,
  summary:
    'Apply one workflow action to a suggestion (409 when not allowed from its state or on a lost race)',
  tag: TAG,
  params: SuggestionIdParamsSchema,
  body: SuggestionTransitionRequestSchema,
  get response() {
    return suggestionAnswers().SuggestionViewSchema;
  },
  successStatus: 200,
  errorStatuses: [404, 409, 422],
});

export const getSuggestionTimelineRoute = defineRoute({
  id: 'getSuggestionTimeline',
  method: 'GET',
  path: '/suggestions/{id}/timeline',
  roles: SIGNED_IN,
  summary: 'The append-only timeline of a suggestion, oldest first',
  tag: TAG,
  params: SuggestionIdParamsSchema,
  get response() {
    return suggestionAnswers().SuggestionTimelineSchema;
  },
  successStatus: 200,
  errorStatuses: [404],
});

/** Deputies' suggestions (代表建议). */
export const SUGGESTION_ROUTES: readonly RouteContract[] = [
  submitSuggestionRoute,
  listSuggestionsRoute,
  getSuggestionStatisticsRoute,
  getSuggestionRoute,
  transitionSuggestionRoute,
  getSuggestionTimelineRoute,
];
