import * as z from 'zod';
import { REPORT_FORMATS, REPORT_KINDS } from '../domain/reports/report-index.ts';
import { defineRoute, lazily, type RouteContract } from './route.ts';

const READERS = ['head', 'supervisor', 'admin'] as const;

/** The answers' schemas are built on first use (route.ts, `lazily`): no handler reads them. */
const reportEntrySchema = lazily(() =>
  z
    .object({
      id: z.string().describe('kind~level~subject~period, e.g. carbon-monthly~enterprise~ENT-0001~2026-11'),
      kind: z.enum(REPORT_KINDS),
      period: z.string().describe('2026-11-28 (day), 2026-11 (month), 2026-W48 (ISO week)'),
      subject: z.object({ level: z.string(), id: z.string(), name: z.string() }),
      title: z.string(),
      formats: z.array(z.enum(REPORT_FORMATS)),
      generatedAt: z.iso.datetime(),
      headline: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
    })
    .meta({ id: 'ReportEntry' }),
);

const reportListSchema = lazily(() =>
  z.object({ items: z.array(reportEntrySchema()), cursor: z.string().optional() }).meta({ id: 'ReportList' }),
);

const reportWithLinksSchema = lazily(() =>
  reportEntrySchema()
    .extend({
      links: z
        .partialRecord(z.enum(REPORT_FORMATS), z.url())
        .describe('Presigned GET links to each file; they expire after expiresInSeconds'),
      expiresInSeconds: z.number().int(),
    })
    .meta({ id: 'ReportWithLinks' }),
);

/**
 * The request schemas too: three functions share this module, and each builds only its own route's
 * (the escalations function none at all, so it never builds a zod schema at a cold start).
 */
const listReportsQuerySchema = lazily(() =>
  z.object({
    kind: z.enum(REPORT_KINDS),
    period: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$/)
      .optional()
      .describe('A period or its prefix: 2026, 2026-11, 2026-11-28'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().optional(),
  }),
);

const reportIdParamsSchema = lazily(() => z.object({ id: z.string().min(1).max(200) }));

export const listReportsRoute = defineRoute({
  id: 'listReports',
  method: 'GET',
  path: '/reports',
  roles: READERS,
  summary: 'List generated reports (报表) of one kind, newest period first; only those the caller may read',
  tag: 'reports',
  get query() {
    return listReportsQuerySchema();
  },
  get response() {
    return reportListSchema();
  },
  successStatus: 200,
});

export const getReportRoute = defineRoute({
  id: 'getReport',
  method: 'GET',
  path: '/reports/{id}',
  roles: READERS,
  summary: 'One report with short-lived download links for its JSON, CSV and HTML files',
  tag: 'reports',
  get params() {
    return reportIdParamsSchema();
  },
  get response() {
    return reportWithLinksSchema();
  },
  successStatus: 200,
  errorStatuses: [404],
});

const escalationListSchema = lazily(() =>
  z
    .object({
      period: z.string().describe('The local hour of the escalation run, e.g. 2026-11-28T15'),
      generatedAt: z.iso.datetime(),
      escalated: z.array(
        z.object({
          subject: z.enum(['case', 'suggestion']),
          id: z.string(),
          title: z.string(),
          state: z.string(),
          unitId: z.string().optional(),
          deadline: z.string(),
          provisional: z
            .literal(true)
            .optional()
            .describe('The deadline counts days the working calendar does not cover yet (暂定期限)'),
          provisionalSince: z.string().optional(),
          provisionalNote: z
            .string()
            .optional()
            .describe('What a person reads beside a provisional deadline'),
          overdue: z.boolean(),
          level: z.number().int().describe('1 department head, 2 People’s Congress staff, 3 district leader'),
          levelLabel: z.string().optional(),
          raisedNow: z.array(z.number().int()),
          told: z
            .array(
              z.object({
                level: z.number().int().optional(),
                kind: z.string().describe('escalation (the level’s people) or deadlineNear (the handlers)'),
                recipientId: z.string(),
                recipientName: z.string().optional(),
                channel: z.enum(['inApp', 'push', 'email', 'sms']),
                status: z.enum(['pending', 'deferred', 'sent', 'failed', 'gone']),
                at: z
                  .string()
                  .describe('Sent (in-app: written) at; for a delivery still waiting, when it is due'),
              }),
            )
            .optional()
            .describe('Who was told of the escalation, on which channel, and when (docs/notifications.md)'),
        }),
      ),
      reviewDue: z
        .array(
          z.object({ id: z.string(), title: z.string(), nextReviewDate: z.string(), reason: z.string() }),
        )
        .optional()
        .describe('Suspended cases (挂账) whose review date has come (supervisors and admins only)'),
      reconciliation: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('Not-one-missed reconciliation of cases and suggestions (supervisors and admins only)'),
    })
    .meta({ id: 'EscalationList' }),
);

export const getEscalationsRoute = defineRoute({
  id: 'getEscalations',
  method: 'GET',
  path: '/reports/escalations',
  roles: READERS,
  summary:
    'The cases and suggestions under escalation (督办) as of the latest hourly run; a head sees their own',
  tag: 'reports',
  get response() {
    return escalationListSchema();
  },
  successStatus: 200,
  errorStatuses: [404],
});

/** Reports. */
export const REPORT_ROUTES: readonly RouteContract[] = [
  listReportsRoute,
  getReportRoute,
  getEscalationsRoute,
];
