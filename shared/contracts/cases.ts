import { z } from 'zod';
import { WORKING_TIME_UNITS } from '../domain/calendar/working-time.ts';
import { CASE_CATEGORY_IDS } from '../domain/cases/case-categories.ts';
import { SubmitCasePayloadSchema } from '../domain/cases/case-payloads.ts';
import { CASE_ACTIONS, CASE_RATINGS, CASE_STATES } from '../domain/cases/case-record.ts';
import { ROLES } from '../domain/roles.ts';
import { SYSTEM_ACTOR_ROLE } from '../domain/workflow/timeline.ts';
import { defineRoute, type RouteContract } from './route.ts';

const SIGNED_IN = ['deputy', 'handler', 'head', 'supervisor', 'admin'] as const;

export const CaseIdParamsSchema = z.object({ id: z.string().min(1).max(200) }).meta({ id: 'CaseIdParams' });

export const SubmitCaseRequestSchema = SubmitCasePayloadSchema.meta({ id: 'SubmitCaseRequest' });

export const CaseSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    state: z.enum(CASE_STATES),
    categoryId: z.enum(CASE_CATEGORY_IDS),
    reporterId: z.string(),
    isPublic: z.boolean(),
    title: z.string(),
    description: z.string(),
    location: z
      .object({ latitude: z.number(), longitude: z.number(), address: z.string().optional() })
      .optional(),
    mediaIds: z.array(z.string()),
    submittedAt: z.string(),
    leadDepartmentId: z.string().optional(),
    coDepartmentIds: z.array(z.string()),
    dispatchedAt: z.string().optional(),
    deadline: z.string().optional(),
    extensionRequest: z
      .object({
        amount: z.number(),
        unit: z.enum(WORKING_TIME_UNITS),
        reason: z.string(),
        requestedAt: z.string(),
        requestedBy: z.string(),
      })
      .optional(),
    approvedExtensionCount: z.number().int(),
    reworkCount: z.number().int(),
    rectificationMediaIds: z.array(z.string()),
    rectifiedAt: z.string().optional(),
    closedAt: z.string().optional(),
    rejectionReason: z.string().optional(),
    duplicateOf: z.string().optional(),
    rating: z.enum(CASE_RATINGS).optional(),
    suspension: z
      .object({ from: z.enum(CASE_STATES), at: z.string(), nextReviewDate: z.string(), reason: z.string() })
      .optional(),
    escalationLevel: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .optional()
      .describe(
        'Escalation reached by the overdue job: 1 department head, 2 People’s Congress staff, 3 district leader',
      ),
  })
  .meta({ id: 'Case' });

export const CaseViewSchema = CaseSchema.extend({
  allowedActions: z.array(z.enum(CASE_ACTIONS)).describe('Actions the caller may take now'),
  overdue: z.boolean().describe('Past its deadline now (derived, never stored)'),
}).meta({ id: 'CaseView' });

export const CaseTransitionRequestSchema = z
  .object({
    action: z
      .string()
      .min(1)
      .max(50)
      .describe(`One of: ${CASE_ACTIONS.join(', ')}`),
    payload: z.record(z.string(), z.unknown()).optional(),
    version: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'The version the caller read (or send it as If-Match); a different stored version answers 409',
      ),
  })
  .meta({ id: 'CaseTransitionRequest' });

export const CaseTimelineEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorId: z.string(),
    actorRole: z.enum([...ROLES, SYSTEM_ACTOR_ROLE]),
    action: z.string(),
    from: z.enum(CASE_STATES).nullable(),
    to: z.enum(CASE_STATES),
    note: z.string().optional(),
    mediaIds: z.array(z.string()),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CaseTimelineEntry' });

export const CaseTimelineSchema = z
  .object({ caseId: z.string(), entries: z.array(CaseTimelineEntrySchema) })
  .meta({ id: 'CaseTimeline' });

export const submitCaseRoute = defineRoute({
  id: 'submitCase',
  method: 'POST',
  path: '/cases',
  roles: ['deputy', 'supervisor', 'admin'],
  summary: 'Report a 随手拍 case (deputies; staff may register one they were told about)',
  tag: 'cases',
  body: SubmitCaseRequestSchema,
  response: CaseViewSchema,
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
  response: CaseViewSchema,
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
  response: CaseViewSchema,
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
  response: CaseTimelineSchema,
  successStatus: 200,
  errorStatuses: [404],
});

/** 随手拍 cases. */
export const CASE_ROUTES: readonly RouteContract[] = [
  submitCaseRoute,
  getCaseRoute,
  transitionCaseRoute,
  getCaseTimelineRoute,
];
