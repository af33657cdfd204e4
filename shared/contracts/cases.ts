import { z } from 'zod';
import { WORKING_TIME_UNITS } from '../domain/calendar/working-time.ts';
import { CASE_CATEGORY_IDS } from '../domain/cases/case-categories.ts';
import { INDICATOR_FIGURES } from '../domain/cases/case-indicators.ts';
import { SubmitCasePayloadSchema } from '../domain/cases/case-payloads.ts';
import { CASE_ACTIONS, CASE_RATINGS, CASE_STATES } from '../domain/cases/case-record.ts';
import { ROLES } from '../domain/roles.ts';
import { defineRoute, type RouteContract } from './route.ts';
import { timelineEntrySchema, transitionRequestSchema } from './workflow.ts';

const SIGNED_IN = ['deputy', 'handler', 'head', 'supervisor', 'admin'] as const;

export const CaseIdParamsSchema = z.object({ id: z.string().min(1).max(200) }).meta({ id: 'CaseIdParams' });

export const SubmitCaseRequestSchema = SubmitCasePayloadSchema.meta({ id: 'SubmitCaseRequest' });

export const PossibleDuplicateSchema = z
  .object({
    id: z.string(),
    distanceMeters: z.number().describe('Great-circle distance from the case, metres'),
    state: z.enum(CASE_STATES),
  })
  .meta({ id: 'PossibleDuplicate' });

const ClientSubmissionSchema = z
  .object({
    channel: z.literal('open311'),
    clientId: z.string(),
    clientName: z.string(),
    submitter: z
      .object({
        email: z.string().optional(),
        phone: z.string().optional(),
        firstName: z.string().optional(),
        lastName: z.string().optional(),
        deviceId: z.string().optional(),
        accountId: z.string().optional(),
      })
      .optional(),
    address: z
      .string()
      .optional()
      .describe('As the submitter wrote it; the only location when no coordinates came'),
    addressId: z.string().optional(),
    mediaUrl: z.string().optional().describe('A link the client sent; never fetched by the server'),
  })
  .meta({ id: 'ClientSubmission' });

export const CaseSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    state: z.enum(CASE_STATES),
    categoryId: z.enum(CASE_CATEGORY_IDS),
    reporterId: z
      .string()
      .optional()
      .describe('Shown to the reporter and to staff; never to other deputies reading a public case'),
    isPublic: z.boolean(),
    showReporterName: z
      .boolean()
      .optional()
      .describe('The reporter allowed other deputies to see their display name (absent to them)'),
    reporterName: z
      .string()
      .optional()
      .describe('The reporter’s display name, kept and shown only when they allowed it'),
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
    provisional: z
      .literal(true)
      .optional()
      .describe(
        'The deadline counted days the working calendar does not cover yet; recomputed when that year is loaded',
      ),
    provisionalSince: z
      .string()
      .optional()
      .describe('From this instant days were counted Monday to Friday only'),
    extensionRequest: z
      .object({
        amount: z.number(),
        unit: z.enum(WORKING_TIME_UNITS),
        reason: z.string(),
        requestedAt: z.string(),
        requestedBy: z.string().optional().describe('Absent to other deputies'),
      })
      .optional(),
    approvedExtensionCount: z.number().int(),
    reworkCount: z.number().int(),
    rectificationMediaIds: z.array(z.string()),
    previousRectifications: z
      .array(
        z.object({
          mediaIds: z.array(z.string()),
          rectifiedAt: z.string().optional(),
          departmentCompletedAt: z.string().optional(),
          departmentOnTime: z.boolean().optional(),
          deadline: z.string().optional().describe('The deadline in force when it was sent back'),
          sentBackAt: z.string(),
          reason: z.string(),
        }),
      )
      .optional()
      .describe('Rectifications sent back for rework, oldest first: their evidence is previous, not current'),
    rectifiedAt: z.string().optional(),
    departmentCompletedAt: z
      .string()
      .optional()
      .describe('The head’s sign-off of the latest rectification: the department’s completion'),
    departmentOnTime: z
      .boolean()
      .optional()
      .describe('Whether that sign-off came on or before the deadline then in force'),
    closedAt: z.string().optional(),
    rejectionReason: z.string().optional(),
    duplicateOf: z.string().optional(),
    duplicateIds: z
      .array(z.string())
      .optional()
      .describe('On an original: the cases marked as its duplicates, oldest first'),
    possibleDuplicates: z
      .array(PossibleDuplicateSchema)
      .optional()
      .describe(
        'Open cases of the same category within 50 m at submission, nearest first; shown to supervisors and admins only',
      ),
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
    viaClient: ClientSubmissionSchema.optional().describe(
      'Reported through an Open311 client (docs/open311.md); submitter, addressId and mediaUrl are shown to staff only',
    ),
  })
  .meta({ id: 'Case' });

export const CaseViewSchema = CaseSchema.extend({
  allowedActions: z.array(z.enum(CASE_ACTIONS)).describe('Actions the caller may take now'),
  overdue: z.boolean().describe('Past its deadline now (derived, never stored)'),
  provisionalNote: z
    .string()
    .optional()
    .describe('Why the deadline may still move (zh-CN), when it is provisional'),
}).meta({ id: 'CaseView' });

export const CaseTransitionRequestSchema = transitionRequestSchema(CASE_ACTIONS).meta({
  id: 'CaseTransitionRequest',
});

export const CaseTimelineEntrySchema = timelineEntrySchema(CASE_STATES).meta({ id: 'CaseTimelineEntry' });

export const CaseTimelineSchema = z
  .object({ caseId: z.string(), entries: z.array(CaseTimelineEntrySchema) })
  .meta({ id: 'CaseTimeline' });

export const CreatedCaseSchema = CaseViewSchema.extend({
  possibleDuplicates: z
    .array(PossibleDuplicateSchema)
    .describe('Open cases of the same category within 50 m that the caller may see, nearest first'),
}).meta({ id: 'CreatedCase' });

const instantOrLocalDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .describe('An ISO instant, or a local date (a whole day in the deployment time zone)');

export const CaseListQuerySchema = z.object({
  state: z.enum(CASE_STATES).optional(),
  category: z.enum(CASE_CATEGORY_IDS).optional(),
  department: z.string().min(1).max(200).optional().describe('Lead or co-department id'),
  overdue: z.stringbool().optional().describe('true or false (derived from the deadline and the clock)'),
  reporter: z.string().min(1).max(200).optional().describe('Reporter user id'),
  from: instantOrLocalDate.optional().describe('Submitted at or after'),
  to: instantOrLocalDate.optional().describe('Submitted before (a date: up to the end of that day)'),
  near: z
    .string()
    .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, 'lat,lng in decimal degrees')
    .refine((value) => {
      // A malformed value is reported by the pattern alone (NaN compares false here).
      const [lat = 0, lng = 0] = value.split(',').map(Number);
      return !(Math.abs(lat) > 90 || Math.abs(lng) > 180);
    }, 'latitude within ±90, longitude within ±180')
    .optional()
    .describe('lat,lng: only located cases within `radius` metres of this point'),
  radius: z.coerce.number().positive().max(20_000).optional().describe('Metres, default 500'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});

export const CaseListSchema = z
  .object({
    items: z.array(CaseViewSchema),
    cursor: z
      .string()
      .optional()
      .describe('Pass back to read the next page; absent on the last page. A page may be short.'),
  })
  .meta({ id: 'CaseList' });

export const AddCaseCommentRequestSchema = z
  .object({
    text: z.string().trim().min(1).max(2000),
    mediaIds: z.array(z.string().trim().min(1).max(200)).max(9).default([]),
  })
  .meta({ id: 'AddCaseCommentRequest' });

export const CaseCommentSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    at: z.string(),
    authorId: z
      .string()
      .optional()
      .describe(
        'Withheld from deputies except on their own comments (the reporter also reads the staff’s ids)',
      ),
    byReporter: z.boolean().optional().describe('Written by the reporter (shown instead of their id)'),
    authorRole: z.enum(ROLES),
    authorLabel: z
      .string()
      .optional()
      .describe('The role as people call it (代表 …), where the id is withheld'),
    text: z.string(),
    mediaIds: z.array(z.string()),
  })
  .meta({ id: 'CaseComment' });

export const CaseCommentListSchema = z
  .object({ items: z.array(CaseCommentSchema), cursor: z.string().optional() })
  .meta({ id: 'CaseCommentList' });

export const DepartmentIndicatorsSchema = z
  .object({
    departmentId: z.string(),
    from: z.string().describe('Dispatches at or after (UTC instant)'),
    to: z.string().describe('Dispatches before (UTC instant)'),
    dispatched: z.number().int().describe('应结案数: dispatched as lead and not returned'),
    closed: z.number().int().describe('结案数'),
    closedOnTime: z.number().int().describe('按期结案数'),
    rectified: z.number().int(),
    reworked: z.number().int().describe('返工案件数'),
    extended: z.number().int().describe('延期案件数'),
    overdueOpen: z.number().int().describe('Held now and past deadline'),
    onTimeRate: z.number().nullable().describe('按期结案率 = closedOnTime / closed'),
    closureRate: z.number().nullable().describe('结案率 = closed / dispatched'),
    reworkRate: z.number().nullable().describe('返工率 = reworked / rectified'),
    extensionRate: z.number().nullable().describe('延期率 = extended / dispatched'),
    averageHandlingWorkingHours: z
      .number()
      .nullable()
      .describe('平均处置时长: working hours from dispatch to the first rectification'),
    satisfaction: z
      .object({
        rated: z.number().int(),
        satisfied: z.number().int(),
        basicallySatisfied: z.number().int(),
        unsatisfied: z.number().int(),
        satisfactionRate: z.number().nullable().describe('满意率 = (满意 + 基本满意) / rated'),
      })
      .describe('The reporters’ latest rating of each closure by the department'),
    caseIds: z
      .object(Object.fromEntries(INDICATOR_FIGURES.map((figure) => [figure, z.array(z.string())])))
      .optional()
      .describe('With ?cases=true: the ids of the cases behind each figure (drill-down)'),
  })
  .meta({ id: 'DepartmentIndicators' });

export const DepartmentIdParamsSchema = z
  .object({ id: z.string().min(1).max(200) })
  .meta({ id: 'DepartmentIdParams' });

export const IndicatorQuerySchema = z.object({
  from: instantOrLocalDate.describe('Dispatched at or after'),
  to: instantOrLocalDate.describe('Dispatched before (a date: up to the end of that day)'),
  cases: z.stringbool().optional().describe('true: also name the cases behind each figure (caseIds)'),
});

export const submitCaseRoute = defineRoute({
  id: 'submitCase',
  method: 'POST',
  path: '/cases',
  roles: ['deputy', 'supervisor', 'admin'],
  summary: 'Report a 随手拍 case (deputies; staff may register one they were told about)',
  tag: 'cases',
  body: SubmitCaseRequestSchema,
  response: CreatedCaseSchema,
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

export const listCasesRoute = defineRoute({
  id: 'listCases',
  method: 'GET',
  path: '/cases',
  roles: SIGNED_IN,
  summary:
    'List the cases the caller may see, newest first (deputy: own and public; department: assigned to it; staff: all)',
  tag: 'cases',
  query: CaseListQuerySchema,
  response: CaseListSchema,
  successStatus: 200,
});

export const addCaseCommentRoute = defineRoute({
  id: 'addCaseComment',
  method: 'POST',
  path: '/cases/{id}/comments',
  roles: SIGNED_IN,
  summary: 'Comment on a case the caller may see (评论), optionally with media',
  tag: 'cases',
  params: CaseIdParamsSchema,
  body: AddCaseCommentRequestSchema,
  response: CaseCommentSchema,
  successStatus: 201,
  errorStatuses: [404],
});

export const listCaseCommentsRoute = defineRoute({
  id: 'listCaseComments',
  method: 'GET',
  path: '/cases/{id}/comments',
  roles: SIGNED_IN,
  summary: 'The comments on a case, oldest first',
  tag: 'cases',
  params: CaseIdParamsSchema,
  query: z.object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2000).optional(),
  }),
  response: CaseCommentListSchema,
  successStatus: 200,
  errorStatuses: [404],
});

export const getDepartmentIndicatorsRoute = defineRoute({
  id: 'getDepartmentIndicators',
  method: 'GET',
  path: '/departments/{id}/indicators',
  roles: ['head', 'supervisor', 'admin'],
  summary:
    'Case indicators of a department (按期结案率, 结案率, 返工率, 延期率, 平均处置时长) for cases dispatched in a period',
  tag: 'cases',
  params: DepartmentIdParamsSchema,
  query: IndicatorQuerySchema,
  response: DepartmentIndicatorsSchema,
  successStatus: 200,
  errorStatuses: [404],
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
