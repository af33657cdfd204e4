import * as z from 'zod';
import { ROLES } from '../domain/roles.ts';
import { CaseIdParamsSchema, SIGNED_IN } from './case-basics.ts';
import { defineRoute } from './route.ts';

/** Comments on a case (评论). */
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
