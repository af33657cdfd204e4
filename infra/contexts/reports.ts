import { getEscalationsRoute, getReportRoute, listReportsRoute } from '../../shared/contracts/reports.ts';
import type { FunctionSpec } from '../manifest-spec.ts';

/** Generated reports and their download links. */
export const REPORT_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'reportsList',
    entry: 'functions/reports/list-reports.ts',
    description: 'Lists generated reports the caller may read',
    trigger: { kind: 'http', routes: [listReportsRoute] },
    tables: { jobs: 'read' },
  },
  {
    id: 'reportsGet',
    entry: 'functions/reports/get-report.ts',
    description: 'One report with presigned download links',
    trigger: { kind: 'http', routes: [getReportRoute] },
    tables: { jobs: 'read' },
    buckets: { reports: 'read' },
  },
  {
    id: 'reportsEscalations',
    entry: 'functions/reports/get-escalations.ts',
    description: 'The latest escalation list and reconciliation',
    trigger: { kind: 'http', routes: [getEscalationsRoute] },
    // notifications and the staff directory (registry): who was told of each escalation, and when.
    tables: { jobs: 'read', notifications: 'read', registry: 'read' },
    buckets: { reports: 'read' },
  },
];
