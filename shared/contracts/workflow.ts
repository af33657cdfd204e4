import * as z from 'zod';
import { ROLES } from '../domain/roles.ts';
import { SYSTEM_ACTOR_ROLE } from '../domain/workflow/timeline.ts';

/** One timeline entry of a workflow whose states are `states` (cases, suggestions): one shape for both. */
export const timelineEntrySchema = <S extends readonly [string, ...string[]]>(states: S) =>
  z.object({
    seq: z.number().int(),
    at: z.string(),
    actorId: z
      .string()
      .optional()
      .describe('Absent to readers who may not know who acted (a deputy reading another deputy’s step)'),
    actorLabel: z
      .string()
      .optional()
      .describe('The role as people call it (代表 …), where the id is withheld'),
    byReporter: z.boolean().optional().describe('Taken by the reporter (shown instead of their id)'),
    actorRole: z.enum([...ROLES, SYSTEM_ACTOR_ROLE]),
    action: z.string(),
    from: z.enum(states).nullable(),
    to: z.enum(states),
    note: z.string().optional(),
    mediaIds: z.array(z.string()),
    details: z.record(z.string(), z.unknown()),
  });

/** `POST /{cases|suggestions}/{id}/transitions`: one action, its payload, and the version read. */
export const transitionRequestSchema = (actions: readonly string[]) =>
  z.object({
    action: z
      .string()
      .min(1)
      .max(50)
      .describe(`One of: ${actions.join(', ')}`),
    payload: z.record(z.string(), z.unknown()).optional(),
    version: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'The version the caller read (or send it as If-Match); a different stored version answers 409',
      ),
  });
