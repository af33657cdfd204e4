import * as z from 'zod';

/**
 * What EventBridge Scheduler (and the local scheduler) hands a job. The stack sets the target input to
 * `{"job": name, "scheduledTime": "<aws.scheduler.scheduled-time>"}`; the scheduler fills in the time.
 */
export const ScheduledJobEventSchema = z.object({
  job: z.string().min(1),
  scheduledTime: z.iso.datetime({ offset: true }),
  /**
   * Only from `npm run job -- <name> --period …`: the period to (re)build instead of the one the fire
   * time implies (an hour `2026-11-28T14`, a day `2026-11-28`, a month `2026-11`, an ISO week `2026-W48`).
   */
  period: z
    .string()
    .regex(/^\d{4}-(\d{2}(-\d{2}(T\d{2})?)?|W\d{2})$/)
    .optional(),
  /**
   * Only from `npm run job` without `--commit`: escalation judged at another `--at`, or a report of a
   * period that has not ended / at a future `--at`. The job judges at `scheduledTime` and shows what it
   * would do, writing nothing (README "Scheduled jobs by hand"; EventBridge never sets it).
   */
  dryRun: z.boolean().optional(),
  /**
   * Only from `npm run job -- recalculate --enterprise ENT-0001 --period 2026-11` (or `--city`):
   * recalculate that scope's month now (or resume its unfinished recalculation), instead of working
   * through the queued ones.
   */
  recalculation: z
    .object({
      level: z.enum(['enterprise', 'city']),
      id: z.string().min(1).max(64),
      reason: z.string().min(1).max(500).optional(),
    })
    .optional(),
});
export type ScheduledJobEvent = z.infer<typeof ScheduledJobEventSchema>;

/** Placeholder EventBridge Scheduler replaces with the fire time. */
export const SCHEDULED_TIME_PLACEHOLDER = '<aws.scheduler.scheduled-time>';
