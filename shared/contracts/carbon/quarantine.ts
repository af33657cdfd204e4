import { z } from 'zod';
import { defineRoute, type RouteContract } from '../route.ts';

const IssueSchema = z.object({ path: z.string(), message: z.string() });

export const QuarantineItemSchema = z
  .object({
    id: z
      .string()
      .describe(
        'Carries the first quarantine instant and a digest of the message (or reading): 20261129T020101123Z-<32 hex>',
      ),
    receivedAt: z.iso.datetime().describe('When the message was first quarantined (UTC)'),
    meterId: z.string().optional(),
    messageId: z.string().optional(),
    readingIndex: z
      .number()
      .int()
      .optional()
      .describe('Set when one reading was refused by itself; the rest of its message was applied'),
    reason: z
      .string()
      .describe(
        'e.g. invalid telemetry message, unknown meter, unit-mismatch, unrepresentable, absurd value, implausible',
      ),
    issues: z.array(IssueSchema),
    original: z
      .unknown()
      .describe(
        'The event as the ingest received it; for one refused reading, the event narrowed to it under its own message id',
      ),
    receipts: z
      .number()
      .int()
      .optional()
      .describe('How often it arrived: one entry per message or reading, receipts counted'),
    lastReceivedAt: z.iso.datetime().optional(),
    replayedAt: z.iso.datetime().optional(),
    replayedBy: z.string().optional(),
    replayOutcome: z.enum(['applied', 'duplicate']).optional(),
    replayOverride: z.enum(['implausible']).optional(),
  })
  .meta({ id: 'QuarantineItem' });
export type QuarantineItem = z.infer<typeof QuarantineItemSchema>;

export const listQuarantineRoute = defineRoute({
  id: 'listQuarantine',
  method: 'GET',
  path: '/quarantine',
  roles: ['admin'],
  summary: 'List telemetry messages quarantined on a day (隔离的遥测消息), with reasons and the original',
  tag: 'carbon',
  query: z.object({
    date: z.iso.date().describe('UTC day of quarantine, YYYY-MM-DD'),
    cursor: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  }),
  response: z.object({ items: z.array(QuarantineItemSchema), cursor: z.string().optional() }),
  successStatus: 200,
});

export const replayQuarantineRoute = defineRoute({
  id: 'replayQuarantine',
  method: 'POST',
  path: '/quarantine/{id}/replay',
  roles: ['admin'],
  summary:
    'Re-run a quarantined message through the ingest after a fix (重新处理); 422 with the new reason if it still fails',
  tag: 'carbon',
  params: z.object({ id: z.string().min(1).max(128) }),
  query: z.object({
    override: z
      .enum(['implausible'])
      .optional()
      .describe(
        '复核后强制接受 After review, accept readings refused as implausible or absurd (never unrepresentable ones)',
      ),
  }),
  response: z.object({
    id: z.string(),
    outcome: z.enum(['applied', 'duplicate']),
    chunks: z.object({ applied: z.number().int(), duplicate: z.number().int() }),
    replayedAt: z.iso.datetime(),
  }),
  successStatus: 200,
  errorStatuses: [404, 422],
});

export const QUARANTINE_ROUTES: readonly RouteContract[] = [listQuarantineRoute, replayQuarantineRoute];
