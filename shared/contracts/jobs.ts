import { z } from 'zod';

/**
 * What EventBridge Scheduler (and the local scheduler) hands a job. The stack sets the target input to
 * `{"job": name, "scheduledTime": "<aws.scheduler.scheduled-time>"}`; the scheduler fills in the time.
 */
export const ScheduledJobEventSchema = z.object({
  job: z.string().min(1),
  scheduledTime: z.iso.datetime({ offset: true }),
});
export type ScheduledJobEvent = z.infer<typeof ScheduledJobEventSchema>;

/** Placeholder EventBridge Scheduler replaces with the fire time. */
export const SCHEDULED_TIME_PLACEHOLDER = '<aws.scheduler.scheduled-time>';
