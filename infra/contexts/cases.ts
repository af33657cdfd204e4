import {
  addCaseCommentRoute,
  getCaseRoute,
  getCaseTimelineRoute,
  getDepartmentIndicatorsRoute,
  listCaseCommentsRoute,
  listCasesRoute,
  submitCaseRoute,
  transitionCaseRoute,
} from '../../shared/contracts/cases.ts';
import type { FunctionSpec } from '../manifest-spec.ts';

/** 随手拍 cases: create, read, transitions, comments, timeline. */
export const CASE_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'casesSubmit',
    entry: 'functions/cases/submit-case.ts',
    description: 'Report a 随手拍 case',
    trigger: { kind: 'http', routes: [submitCaseRoute] },
    // registry: the deputy directory, for the name a reporter allows others to see.
    tables: { workflow: 'readWrite', registry: 'read' },
  },
  {
    id: 'casesGet',
    entry: 'functions/cases/get-case.ts',
    description: 'Read one case with the caller’s allowed actions',
    trigger: { kind: 'http', routes: [getCaseRoute] },
    tables: { workflow: 'read' },
  },
  {
    id: 'casesTransition',
    entry: 'functions/cases/transition-case.ts',
    description: 'Apply one workflow action to a case',
    trigger: { kind: 'http', routes: [transitionCaseRoute] },
    tables: { calendar: 'read', workflow: 'readWrite', registry: 'read' },
  },
  {
    id: 'casesTimeline',
    entry: 'functions/cases/get-case-timeline.ts',
    description: 'The append-only timeline of a case',
    trigger: { kind: 'http', routes: [getCaseTimelineRoute] },
    tables: { workflow: 'read' },
  },
  {
    id: 'casesList',
    entry: 'functions/cases/list-cases.ts',
    description: 'List the cases the caller may see, with filters and a cursor',
    trigger: { kind: 'http', routes: [listCasesRoute] },
    tables: { workflow: 'read' },
  },
  {
    id: 'casesCommentAdd',
    entry: 'functions/cases/add-case-comment.ts',
    description: 'Comment on a case',
    trigger: { kind: 'http', routes: [addCaseCommentRoute] },
    tables: { workflow: 'readWrite' },
  },
  {
    id: 'casesCommentList',
    entry: 'functions/cases/list-case-comments.ts',
    description: 'The comments on a case',
    trigger: { kind: 'http', routes: [listCaseCommentsRoute] },
    tables: { workflow: 'read' },
  },
  {
    id: 'casesDepartmentIndicators',
    entry: 'functions/cases/get-department-indicators.ts',
    description: 'Case handling indicators of one department',
    trigger: { kind: 'http', routes: [getDepartmentIndicatorsRoute] },
    tables: { calendar: 'read', workflow: 'read', registry: 'read' },
  },
];
