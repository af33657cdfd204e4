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

export interface TableSpec {
  description: string;
  partitionKey: string;
  sortKey: string;
  /** Items with this epoch-seconds attribute expire (raw readings, quarantine). */
  ttlAttribute?: string;
  /** Generic overloaded indexes; key attributes are strings. */
  indexes: readonly { name: string; partitionKey: string; sortKey: string }[];
}

export interface BucketSpec {
  description: string;
  /** Lifecycle: objects under a prefix expire after N days (absent: kept). */
  expirations?: readonly { prefix: string; days: number }[];
  /** Browser uploads through presigned POST need CORS on the bucket. */
  browserUploads?: boolean;
}

export type Access = 'read' | 'write' | 'readWrite';

export interface HttpTrigger {
  kind: 'http';
  routes: readonly RouteContract[];
}
export interface IotRuleTrigger {
  kind: 'iotRule';
  /** The rule's name within a stage, [a-zA-Z0-9_]; deployed as `qingshan_<stage>_<ruleName>` (iotRuleName). */
  ruleName: string;
  /** The rule's SQL for a stage: it must read only that stage's topics (shared/contracts/carbon/telemetry.ts). */
  sql: (stage: string) => string;
  description: string;
  /**
   * The rule's action sends each message (the SQL output as JSON) to an SQS queue, and the function
   * consumes the queue in batches: an SQS event in, a partial batch response out (the records it
   * could not handle are redelivered, and after `maxReceiveCount` receives go to the dead-letter
   * queue). Batches let the ingest apply many messages in one transaction.
   */
  queue: IotRuleQueue;
}
export interface IotRuleQueue {
  /** Records per invocation at most (SQS allows up to 10 000 with a batching window). */
  batchSize: number;
  /** How long the poller gathers records before invoking, 0–300 s (needed for batches over 10). */
  maxBatchingWindowSeconds: number;
  /** Concurrent invocations at most (the event source's scaling limit, at least 2). */
  maxConcurrency: number;
  /** Receives of a record before it moves to the dead-letter queue. */
  maxReceiveCount: number;
}
export interface ScheduleTrigger {
  kind: 'schedule';
  job: string;
  /** EventBridge Scheduler expression: rate(...), cron(...). */
  expression: string;
  description: string;
}
export type Trigger = HttpTrigger | IotRuleTrigger | ScheduleTrigger;

export interface FunctionSpec {
  /** Logical id, camelCase; also the suffix of the Lambda's name. */
  id: string;
  /** Path of the handler module from the project root; it exports `handler`. */
  entry: string;
  description: string;
  memoryMb?: number;
  timeoutSeconds?: number;
  trigger: Trigger;
  /** Least privilege: the only tables and buckets this function may touch, and how. */
  tables?: Partial<Record<TableId, Access>>;
  buckets?: Partial<Record<BucketId, Access>>;
  /**
   * Device provisioning on IoT Core (infra/constructs/devices.ts grants it and sets
   * QS_DEVICE_PROVISIONER=iot): `revoke` may deactivate and detach certificates; `provision` may also
   * create things and certificates and attach the stack's device policy to them.
   */
  iot?: 'provision' | 'revoke';
  /**
   * Notification delivery (infra/constructs/notification-delivery.ts grants it and sets the QS_* notification
   * settings): `pushKey` may read the Web Push key pair; `deliver` also sends email (SES) and SMS (SNS).
   */
  notify?: 'pushKey' | 'deliver';
  /**
   * Users' roles in the identity provider (infra/constructs/user-administration.ts): with a Cognito
   * pool, read its users and change their groups and department attribute.
   */
  identity?: 'manageUsers';
}

const INDEX_1 = { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;
const INDEX_2 = { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' } as const;
/**
 * Sparse: only open cases and suggestions (and their OPEN markers) carry its keys, so the hourly jobs
 * read open work, not all history (shared/adapters/dynamodb/workflow-open-items.ts). Added to an
 * existing table it is a deploy-time change: CloudFormation adds one GSI per table update.
 */
const INDEX_OPEN = { name: 'open', partitionKey: 'openpk', sortKey: 'opensk' } as const;

export const TABLES = {
  telemetry: {
    description: 'Raw reading batches, message dedup records and quarantined messages (TTL)',
    partitionKey: 'pk',
    sortKey: 'sk',
    ttlAttribute: 'expiresAt',
    indexes: [INDEX_1],
  },
  registry: {
    description: 'Enterprises, facilities, meters, device credentials, departments, factors, identifiers',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [INDEX_1],
  },
  carbon: {
    description:
      'Emission rollups (meter/enterprise/industry/city x hour/day/month), budgets, alerts, meter cursors',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [INDEX_1],
  },
  workflow: {
    description: 'Cases and suggestions, their append-only timelines, comments and idempotency records',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [INDEX_1, INDEX_2, INDEX_OPEN],
  },
  jobs: {
    description: 'Scheduled job runs and their checkpoints, report index',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [],
  },
  calendar: {
    description: 'The working calendar: one item per loaded year (its current version) and every version',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [],
  },
  notifications: {
    description:
      'Notifications per person (inbox), their deliveries and retries, preferences, Web Push devices; kept as the record of who was told',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [INDEX_1, INDEX_2],
  },
} as const satisfies Record<string, TableSpec>;
export type TableId = keyof typeof TABLES;

export const BUCKETS = {
  media: {
    description: 'Photos and videos of cases and suggestions, uploaded through presigned POST',
    browserUploads: true,
    expirations: [{ prefix: 'uploads/pending/', days: 2 }],
  },
  reports: { description: 'Generated reports (JSON, CSV, HTML)' },
  imports: {
    description:
      'Uploaded activity-data files (utility, fuel, energy-report feeds) and their refused-row CSVs',
    browserUploads: true,
  },
  deadLetter: {
    description: 'IoT rule error-action payloads: messages the rule could not deliver, kept for replay',
    expirations: [{ prefix: 'iot-errors/', days: 400 }],
  },
} as const satisfies Record<string, BucketSpec>;
export type BucketId = keyof typeof BUCKETS;

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
