/**
 * The single description of Qingshan's runtime: tables, buckets, functions and their triggers.
 * The CDK constructs synthesize it for AWS; infra/local serves the same entries on emulators.
 * Nothing in here may depend on CDK or on the local runtime.
 */

import { DEFAULT_IDENTIFIER_PREFIX } from '../shared/config/env.ts';
import { SCHEDULED_TIME_PLACEHOLDER } from '../shared/contracts/jobs.ts';
import type { RouteContract } from '../shared/contracts/route.ts';
import { CALENDAR_FUNCTIONS } from './contexts/calendar.ts';
import { CARBON_FUNCTIONS } from './contexts/carbon.ts';
import { CASE_FUNCTIONS } from './contexts/cases.ts';
import { IMPORT_FUNCTIONS } from './contexts/imports.ts';
import { JOB_FUNCTIONS } from './contexts/jobs.ts';
import { MEDIA_FUNCTIONS } from './contexts/media.ts';
import { NOTIFICATION_FUNCTIONS } from './contexts/notifications.ts';
import { OPEN311_FUNCTIONS } from './contexts/open311.ts';
import { REGISTRY_FUNCTIONS } from './contexts/registry.ts';
import { REPORT_FUNCTIONS } from './contexts/reports.ts';
import { SUGGESTION_FUNCTIONS } from './contexts/suggestions.ts';
import { SYSTEM_FUNCTIONS } from './contexts/system.ts';
import type { FunctionSpec, IotRuleTrigger, ScheduleTrigger } from './manifest-spec.ts';

export * from './manifest-spec.ts';

/**
 * Every function, by bounded context (infra/contexts/). Each context deploys as its own stack
 * (`Qingshan-<stage>-<Context>`), so a new context is one line here and gets its stack, routes,
 * schedules and alarms without further edits.
 */
export const CONTEXTS = {
  system: SYSTEM_FUNCTIONS,
  media: MEDIA_FUNCTIONS,
  registry: REGISTRY_FUNCTIONS,
  carbon: CARBON_FUNCTIONS,
  imports: IMPORT_FUNCTIONS,
  cases: CASE_FUNCTIONS,
  suggestions: SUGGESTION_FUNCTIONS,
  reports: REPORT_FUNCTIONS,
  jobs: JOB_FUNCTIONS,
  calendar: CALENDAR_FUNCTIONS,
  open311: OPEN311_FUNCTIONS,
  notifications: NOTIFICATION_FUNCTIONS,
} as const satisfies Record<string, readonly FunctionSpec[]>;

/** Every function of every context. */
export const FUNCTIONS: readonly FunctionSpec[] = Object.values(CONTEXTS).flat();

/** IoT rule names are per account and region, so each stage's carry the stage (`-` is not allowed). */
export const iotRuleName = (stage: string, trigger: Pick<IotRuleTrigger, 'ruleName'>): string =>
  `qingshan_${stage.replaceAll('-', '_')}_${trigger.ruleName}`;

/** The target input of every schedule: the job name and the fire time Scheduler substitutes. */
export const scheduleInput = (trigger: ScheduleTrigger): Record<string, string> => ({
  job: trigger.job,
  scheduledTime: SCHEDULED_TIME_PLACEHOLDER,
});

/** Deployment-wide settings with defaults; a stage may override them through CDK context. */
export const DEFAULTS = {
  timeZone: 'Asia/Shanghai',
  identifierPrefix: DEFAULT_IDENTIFIER_PREFIX,
  /** Raw readings and quarantine live long enough to cover a reporting year and its audit. */
  telemetryRetentionDays: 800,
  logRetentionDays: 365,
} as const;

export const httpRoutes = (): { fn: FunctionSpec; route: RouteContract }[] =>
  FUNCTIONS.flatMap((fn) =>
    fn.trigger.kind === 'http' ? fn.trigger.routes.map((route) => ({ fn, route })) : [],
  );

/** CORS of the HTTP API, for the deputies' and staff's web and mobile clients. */
export const API_CORS = {
  allowOrigins: ['*'],
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
  maxAgeSeconds: 600,
} as const;
