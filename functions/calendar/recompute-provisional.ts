import { getDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoProvisionalDeadlines } from '../../shared/adapters/dynamodb/provisional-deadlines.ts';
import {
  type RecomputeSummary,
  recomputeProvisionalDeadlines as recompute,
} from '../../shared/application/calendar/recompute-provisional.ts';
import { tableName } from '../../shared/config/env.ts';
import type { WorkingCalendar } from '../../shared/domain/calendar/working-calendar.ts';
import { caseStore } from '../cases/case-context.ts';
import { suggestionStore } from '../suggestions/suggestion-context.ts';

/**
 * The recomputation of provisional deadlines (shared/application/calendar/recompute-provisional.ts)
 * on this deployment's workflow table: after a calendar load and from the daily coverage job.
 */
export const recomputeProvisionalDeadlines = (
  calendar: WorkingCalendar,
  at: Date,
): Promise<RecomputeSummary> =>
  recompute(
    {
      provisional: new DynamoProvisionalDeadlines(getDocumentClient(), tableName('workflow')),
      cases: caseStore(),
      suggestions: suggestionStore(),
    },
    calendar,
    at,
  );
