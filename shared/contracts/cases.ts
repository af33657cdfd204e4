import { addCaseCommentRoute, listCaseCommentsRoute } from './case-comments.ts';
import { getDepartmentIndicatorsRoute } from './case-indicators.ts';
import {
  CaseIdParamsSchema,
  CaseListQuerySchema,
  CaseTransitionRequestSchema,
  caseAnswers,
  SIGNED_IN,
  SubmitCaseRequestSchema,
} from './case-schemas.ts';
import { defineRoute, type RouteContract } from './route.ts';

/** The case routes. Schemas, comments and indicators live in case-*.ts and are re-exported here. */
export {
  AddCaseCommentRequestSchema,
  addCaseCommentRoute,
  CaseCommentListSchema,
  CaseCommentSchema,
  listCaseCommentsRoute,
} from './case-comments.ts';
export {
  DepartmentIdParamsSchema,
  DepartmentIndicatorsSchema,
  getDepartmentIndicatorsRoute,
  IndicatorQuerySchema,
} from './case-indicators.ts';
export {
  CaseIdParamsSchema,
  CaseListQuerySchema,
  CaseTransitionRequestSchema,
  caseAnswers,
  SubmitCaseRequestSchema,
} from './case-schemas.ts';

export const submitCaseRoute = defineRoute({
  id: 'submitCase',
  method: 'POST',
  path: '/cases',
  roles: ['deputy', 'supervisor', 'admin'],
  summary: 'Report a 随手拍 case (deputies; staff may register one they were told about)',
  tag: 'cases',
  body: SubmitCaseRequestSchema,
  get response() {
    return caseAnswers().CreatedCaseSchema;
  },
  successStatus: 201,
  errorStatuses: [422],
});

export const getCaseRoute = defineRoute({
  id: 'getCase',
  method: 'GET',
  path: '/cases/{id}',
  roles: SIGNED_IN,
  summary: 'Read one case with the actions the caller may take; 404 when the caller may not see it',
  tag: 'cases',
  params: CaseIdParamsSchema,
  get response() {
    return caseAnswers().CaseViewSchema;
  },
  successStatus: 200,
  errorStatuses: [404],
});

export const transitionCaseRoute = defineRoute({
  id: 'transitionCase',
  method: 'POST',
  path: '/cases/{id}/transitions',
  roles: SIGNED_IN,
  summary: 'Apply one workflow action to a case (409 when not allowed from its state or on a lost race)',
  tag: 'cases',
  params: CaseIdParamsSchema,
  body: CaseTransitionRequestSchema,
  get response() {
    return caseAnswers().CaseViewSchema;
  },
  successStatus: 200,
  errorStatuses: [404, 409, 422],
});

export const getCaseTimelineRoute = defineRoute({
  id: 'getCaseTimeline',
  method: 'GET',
  path: '/cases/{id}/timeline',
  roles: SIGNED_IN,
  summary: 'The append-only timeline of a case, oldest first',
  tag: 'cases',
  params: CaseIdParamsSchema,
  get response() {
    return caseAnswers().CaseTimelineSchema;
  },
  successStatus: 200,
  errorStatuses: [404],
});

export const listCasesRoute = defineRoute({
  id: 'listCases',
  method: 'GET',
  path: '/cases',
  roles: SIGNED_IN,
  summary:
    'List the cases the caller may see, newest first (deputy: own and public; department: assigned to it; staff: all)',
  tag: 'cases',
  query: CaseListQuerySchema,
  get response() {
    return caseAnswers().CaseListSchema;
  },
  successStatus: 200,
});

/** 随手拍 cases. */
export const CASE_ROUTES: readonly RouteContract[] = [
  submitCaseRoute,
  getCaseRoute,
  transitionCaseRoute,
  getCaseTimelineRoute,
  listCasesRoute,
  addCaseCommentRoute,
  listCaseCommentsRoute,
  getDepartmentIndicatorsRoute,
];
