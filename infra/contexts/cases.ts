import {
  getCaseRoute,
  getCaseTimelineRoute,
  submitCaseRoute,
  transitionCaseRoute,
} from '../../shared/contracts/cases.ts';
import type { FunctionSpec } from '../manifest.ts';

/** 随手拍 cases: create, read, transitions, comments, timeline. */
export const CASE_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'casesSubmit',
    entry: 'functions/cases/submit-case.ts',
    description: 'Report a 随手拍 case',
    trigger: { kind: 'http', routes: [submitCaseRoute] },
    tables: { workflow: 'readWrite' },
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
    tables: { workflow: 'readWrite' },
  },
  {
    id: 'casesTimeline',
    entry: 'functions/cases/get-case-timeline.ts',
    description: 'The append-only timeline of a case',
    trigger: { kind: 'http', routes: [getCaseTimelineRoute] },
    tables: { workflow: 'read' },
  },
];
