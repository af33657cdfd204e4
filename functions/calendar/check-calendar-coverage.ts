import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoAlertWriter } from '../../shared/adapters/dynamodb/carbon/alert-writer.ts';
import { systemClock } from '../../shared/config/clock.ts';
import { tableName } from '../../shared/config/env.ts';
import { calendarAlertFor, daysLeft } from '../../shared/domain/calendar/calendar-coverage.ts';
import { logger } from '../../shared/observability/logger.ts';
import { countBusiness } from '../../shared/observability/metrics.ts';
import { scheduledJobHandler } from '../middleware/schedule.ts';
import { readWorkingCalendar } from './live-calendar.ts';
import { recomputeProvisionalDeadlines } from './recompute-provisional.ts';

const alerts = new DynamoAlertWriter(getDocumentClient(), tableName('carbon'));

/**
 * Daily, judged at the schedule's fire time: how long the loaded calendar lasts (a metric the stack
 * alarms on at ≤ 60 days), one admin alert per covered end date once 60 days or fewer are left, and
 * the provisional deadlines a load left uncounted (normally none: the load counts them itself).
 */
export const handler = scheduledJobHandler(async ({ job, scheduledTime }) => {
  const firedAt = new Date(scheduledTime);
  const calendar = await readWorkingCalendar();
  const left = daysLeft(calendar, firedAt);
  countBusiness('workingCalendarDaysLeft', left ?? 0);
  const alert = calendarAlertFor(calendar, firedAt);
  const alertRaised = alert !== undefined && (await alerts.raiseAlert(alert));
  if (alertRaised) logger.warn('working calendar runs out', { coveredThrough: alert.period, daysLeft: left });
  // Timeline entries carry the time they were written, not the fire time.
  const recomputed = await recomputeProvisionalDeadlines(calendar, systemClock());
  return {
    job,
    scheduledTime,
    ...(calendar.coveredThrough === undefined ? {} : { coveredThrough: calendar.coveredThrough }),
    ...(left === undefined ? {} : { daysLeft: left }),
    alertRaised,
    ...recomputed,
  };
});
