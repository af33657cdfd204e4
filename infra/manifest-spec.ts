/**
 * The shapes the manifest is made of (functions, triggers, tables, buckets) and the tables and buckets
 * themselves. Its own module so the contexts (infra/contexts/*.ts) take `FunctionSpec` from here and
 * the manifest, which composes the contexts, imports them without a cycle.
 */

import type { RouteContract } from '../shared/contracts/route.ts';

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
