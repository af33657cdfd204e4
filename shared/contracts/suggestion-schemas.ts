/** The suggestion record, its views, listing and timeline: what the suggestion routes (suggestions.ts) answer. */
import * as z from 'zod';
import { ROLES } from '../domain/roles.ts';
import { SATISFACTION_FILTERS } from '../domain/suggestions/suggestion-listing.ts';
import { submitSuggestionPayloadSchema } from '../domain/suggestions/suggestion-payloads.ts';
import { SUGGESTION_ACTIONS } from '../domain/suggestions/suggestion-record.ts';
import {
  CONVERSION_TARGETS,
  REPLY_CLASSES,
  SUGGESTION_CATEGORIES,
  SUGGESTION_RATINGS,
  SUGGESTION_STATES,
} from '../domain/suggestions/suggestion-vocabulary.ts';
import { lazily } from './route.ts';
import { localDate } from './suggestion-basics.ts';
import { timelineEntrySchema, transitionRequestSchema } from './workflow.ts';

export { localDate, TAG } from './suggestion-basics.ts';
export const SIGNED_IN = ROLES;

/**
 * Path and query schemas carry no `.meta({ id })`: a named schema becomes a `$ref` in the OpenAPI
 * document, and the generator lists parameters from inline properties only.
 */
export const SuggestionIdParamsSchema = z.object({ id: z.string().min(1).max(200) });

export const SubmitSuggestionRequestSchema = submitSuggestionPayloadSchema().meta({
  id: 'SubmitSuggestionRequest',
});

export const SuggestionListQuerySchema = z.object({
  state: z.enum(SUGGESTION_STATES).optional(),
  unit: z.string().min(1).max(200).optional().describe('Lead or co-handling unit (department id)'),
  keySupervision: z.stringbool().optional().describe('true or false'),
  overdue: z.stringbool().optional().describe('true or false'),
  satisfaction: z
    .enum(SATISFACTION_FILTERS)
    .optional()
    .describe('The least satisfied rating of the latest reply, or unrated'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(2000).optional(),
});

export const SuggestionTransitionRequestSchema = transitionRequestSchema(SUGGESTION_ACTIONS).meta({
  id: 'SuggestionTransitionRequest',
});

/**
 * The answers' schemas, built on first use (route.ts, `lazily`): no handler reads them, and each
 * suggestion function would otherwise build the suggestion record's ~40 schemas at a cold start.
 */
const buildSuggestionAnswers = () => {
  const media = z.array(z.string());

  const SuggestionSchema = z
    .object({
      id: z.string(),
      version: z.number().int(),
      state: z.enum(SUGGESTION_STATES),
      filerId: z.string(),
      coSignerIds: z.array(z.string()),
      title: z.string(),
      body: z.string(),
      category: z.enum(SUGGESTION_CATEGORIES),
      attachments: media,
      submittedAt: z.string(),
      acceptedAt: z.string().optional(),
      conversion: z.object({ to: z.enum(CONVERSION_TARGETS), reason: z.string(), at: z.string() }).optional(),
      assignment: z
        .object({
          leadUnitId: z.string(),
          coUnitIds: z.array(z.string()),
          assignedAt: z.string(),
          assignedOn: localDate,
        })
        .optional(),
      keySupervision: z
        .object({ leaderName: z.string(), since: z.string(), note: z.string().optional() })
        .optional(),
      replyDue: localDate.optional(),
      coOpinionDue: localDate.optional(),
      handBackDue: z.string().optional(),
      provisional: z
        .literal(true)
        .optional()
        .describe(
          'handBackDue counted days the working calendar does not cover yet; recomputed when that year is loaded',
        ),
      provisionalSince: z
        .string()
        .optional()
        .describe('From this instant days were counted Monday to Friday only'),
      handBackRequest: z
        .object({ reason: z.string(), requestedAt: z.string(), requestedBy: z.string() })
        .optional(),
      extension: z
        .object({
          status: z.enum(['pending', 'approved', 'rejected']),
          requestedDue: localDate,
          grantedDue: localDate.optional(),
          reason: z.string(),
          requestedAt: z.string(),
          requestedBy: z.string(),
          decidedAt: z.string().optional(),
          decidedBy: z.string().optional(),
        })
        .optional(),
      coOpinions: z.array(
        z.object({
          unitId: z.string(),
          text: z.string(),
          mediaIds: media,
          at: z.string(),
          by: z.string(),
          round: z.number().int(),
          late: z.boolean(),
          afterReply: z
            .boolean()
            .optional()
            .describe('Sent after the lead unit had replied for this round: recorded, never refused'),
        }),
      ),
      replies: z.array(
        z.object({
          class: z.enum(REPLY_CLASSES),
          text: z.string(),
          mediaIds: media,
          at: z.string(),
          by: z.string(),
          round: z.number().int(),
          onTime: z.boolean(),
          ratingsDue: localDate.optional().describe('Last local date of the rating round of this reply'),
          proceededWithoutCoOpinion: z
            .object({ unitIds: z.array(z.string()), reason: z.string() })
            .optional()
            .describe('The lead replied while these co-units’ opinions were still due, for this reason'),
        }),
      ),
      ratings: z.array(
        z.object({
          deputyId: z.string(),
          rating: z.enum(SUGGESTION_RATINGS),
          comment: z.string().optional(),
          at: z.string(),
          round: z.number().int(),
        }),
      ),
      followUps: z.array(z.object({ text: z.string(), mediaIds: media, at: z.string(), by: z.string() })),
      rehandlingCount: z.number().int(),
      escalationLevel: z
        .union([z.literal(1), z.literal(2), z.literal(3)])
        .optional()
        .describe(
          'Escalation reached by the overdue job: 1 unit head, 2 People’s Congress staff, 3 district leader',
        ),
      solvedAt: z.string().optional(),
      closedAt: z.string().optional(),
      parts: z
        .array(z.object({ id: z.string(), leadUnitId: z.string(), coUnitIds: z.array(z.string()) }))
        .optional()
        .describe('分别交办: the parts, one per unit, each a suggestion of its own'),
      parentId: z.string().optional().describe('On a part: the suggestion it was split from'),
    })
    .meta({ id: 'Suggestion' });

  const SuggestionViewSchema = SuggestionSchema.extend({
    allowedActions: z.array(z.enum(SUGGESTION_ACTIONS)).describe('Actions the caller may take now'),
    overdue: z.boolean().describe('A reply is awaited and its due date has passed (derived, never stored)'),
    overdueCoUnits: z.array(z.string()).describe('Co-handling units whose opinion is late (derived)'),
    provisionalNote: z
      .string()
      .optional()
      .describe('Why handBackDue may still move (zh-CN), when it is provisional'),
    latestReplyDue: localDate
      .optional()
      .describe('The latest date an extension may reach (assignment + 6 months)'),
    awaitingCoOpinions: z
      .array(z.string())
      .describe(
        'Co-units whose opinion is still due: the reply waits for them unless it carries proceedWithoutCoOpinion',
      ),
    ratingRound: z
      .object({
        round: z.number().int(),
        ratingsDue: localDate.describe('The round closes after this local date with the ratings given'),
        notRatedYet: z.array(z.string()).describe('Signatory deputies who have not rated this reply'),
      })
      .optional()
      .describe('While the reply awaits ratings'),
  }).meta({ id: 'SuggestionView' });

  const SuggestionListSchema = z
    .object({
      items: z.array(SuggestionViewSchema),
      cursor: z.string().optional().describe('Pass back to read the next page; absent on the last page'),
    })
    .meta({ id: 'SuggestionList' });

  const SuggestionTimelineSchema = z
    .object({
      suggestionId: z.string(),
      entries: z.array(timelineEntrySchema(SUGGESTION_STATES)),
    })
    .meta({ id: 'SuggestionTimeline' });
  return { SuggestionSchema, SuggestionViewSchema, SuggestionListSchema, SuggestionTimelineSchema };
};

export const suggestionAnswers = lazily(buildSuggestionAnswers);
