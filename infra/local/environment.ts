import { bucketEnvVar, ENV, tableEnvVar } from '../../shared/config/env.ts';
import { BUCKETS, DEFAULTS, TABLES } from '../manifest.ts';
import { LOCAL_S3_CREDENTIALS } from './s3-local.ts';

export const LOCAL_REGION = 'us-east-1';
/** The local runtime's stage: its topics are `qingshan/local/meters/…`, its rule `qingshan_local_…`. */
export const LOCAL_STAGE = 'local';

/**
 * Names another table prefix than `qingshan-local`: the tests share one DynamoDB Local, each test file
 * under a prefix of its own (test/support/table-prefix.ts). Read at each call, and inherited by child
 * processes (`npm run job` from a test), so everyone in the file names the same tables.
 */
export const LOCAL_TABLE_PREFIX_ENV = 'QS_LOCAL_TABLE_PREFIX';

/** Local resource names: the stack's logical ids with a prefix, so one DynamoDB Local can hold several. */
export const localTableName = (id: string): string =>
  `${process.env[LOCAL_TABLE_PREFIX_ENV] || 'qingshan-local'}-${id}`;
export const localBucketName = (id: string): string =>
  `qingshan-local-${id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * The variables the CDK stack gives each function, pointed at the emulators. Handlers run in this
 * process, so they all see every table and bucket (least privilege is enforced by IAM in the cloud).
 */
export const localEnvironment = (endpoints: { dynamodb: string; s3: string }, timeZone: string) => ({
  AWS_REGION: LOCAL_REGION,
  AWS_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
  AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
  AWS_ENDPOINT_URL_S3: endpoints.s3,
  [ENV.stage]: LOCAL_STAGE,
  [ENV.timeZone]: timeZone,
  [ENV.identifierPrefix]: DEFAULTS.identifierPrefix,
  [ENV.telemetryRetentionDays]: String(DEFAULTS.telemetryRetentionDays),
  [ENV.serviceName]: 'qingshan',
  // EMF lines are for CloudWatch; locally they would only fill the terminal.
  POWERTOOLS_METRICS_DISABLED: 'true',
  [ENV.deviceProvisioner]: 'local',
  // The local issuer's users are a file the API may write (infra/local/local-stack.ts).
  [ENV.userDirectory]: 'local',
  ...Object.fromEntries(Object.keys(TABLES).map((id) => [tableEnvVar(id), localTableName(id)])),
  ...Object.fromEntries(Object.keys(BUCKETS).map((id) => [bucketEnvVar(id), localBucketName(id)])),
});
