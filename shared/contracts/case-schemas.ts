/** The case record, its views, timeline and listing: what the case routes (cases.ts) answer. */
import * as z from 'zod';
import { WORKING_TIME_UNITS } from '../domain/calendar/working-time.ts';
import { CASE_CATEGORY_IDS } from '../domain/cases/case-categories.ts';
import { submitCasePayloadSchema } from '../domain/cases/case-payloads.ts';
import { CASE_ACTIONS, CASE_RATINGS, CASE_STATES } from '../domain/cases/case-record.ts';
import { instantOrLocalDate } from './case-basics.ts';
import { lazily } from './route.ts';
import { timelineEntrySchema, transitionRequestSchema } from './workflow.ts';

export { CaseIdParamsSchema, instantOrLocalDate, SIGNED_IN } from './case-basics.ts';

export const SubmitCaseRequestSchema = submitCasePayloadSchema().meta({ id: 'SubmitCaseRequest' });

export const CaseTransitionRequestSchema = transitionRequestSchema(CASE_ACTIONS).meta({
  id: 'CaseTransitionRequest',
});

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

/**
 * The answers' schemas, built on first use (route.ts, `lazily`): no handler reads them, and each case
 * function would otherwise build the ~30 schemas of the case record and its views at a cold start.
 */
const buildCaseAnswers = () => {
  const PossibleDuplicateSchema = z
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

  const CaseSchema = z
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
        .describe(
          'Rectifications sent back for rework, oldest first: their evidence is previous, not current',
        ),
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
          'Open cases of the same category within 50 m at submission, the 10 nearest, nearest first; shown to supervisors and admins only',
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

  const CaseViewSchema = CaseSchema.extend({
    allowedActions: z.array(z.enum(CASE_ACTIONS)).describe('Actions the caller may take now'),
    overdue: z.boolean().describe('Past its deadline now (derived, never stored)'),
    provisionalNote: z
      .string()
      .optional()
      .describe('Why the deadline may still move (zh-CN), when it is provisional'),
  }).meta({ id: 'CaseView' });

  const CaseTimelineEntrySchema = timelineEntrySchema(CASE_STATES).meta({ id: 'CaseTimelineEntry' });

  const CaseTimelineSchema = z
    .object({ caseId: z.string(), entries: z.array(CaseTimelineEntrySchema) })
    .meta({ id: 'CaseTimeline' });

  const CreatedCaseSchema = CaseViewSchema.extend({
    possibleDuplicates: z
      .array(PossibleDuplicateSchema)
      .describe(
        'The 10 nearest open cases of the same category within 50 m that the caller may see, nearest first',
      ),
  }).meta({ id: 'CreatedCase' });

  const CaseListSchema = z
    .object({
      items: z.array(CaseViewSchema),
      cursor: z
        .string()
        .optional()
        .describe('Pass back to read the next page; absent on the last page. A page may be short.'),
    })
    .meta({ id: 'CaseList' });
  return {
    PossibleDuplicateSchema,
    CaseSchema,
    CaseViewSchema,
    CaseTimelineEntrySchema,
    CaseTimelineSchema,
    CreatedCaseSchema,
    CaseListSchema,
  };
};

export const caseAnswers = lazily(buildCaseAnswers);
