import { Duration } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type ITable,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  type IBucket,
  type LifecycleRule,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  BUCKETS,
  type BucketId,
  type BucketSpec,
  DEFAULTS,
  TABLES,
  type TableId,
  type TableSpec,
} from '../manifest.ts';
import { bucketName, tableName } from '../names.ts';
import {
  type DataResources,
  type DeploymentSettings,
  isProduction,
  removalPolicyFor,
} from './house-function.ts';

export interface DataProps {
  settings: DeploymentSettings;
}

/** Versioning keeps overwritten or deleted objects recoverable for this long, not forever. */
const NONCURRENT_VERSION_DAYS = 90;
const ABORT_MULTIPART_DAYS = 7;

/** Headers a browser may send with a presigned POST; nothing else is allowed cross-origin. */
const UPLOAD_CORS_HEADERS = ['content-type', 'content-length', 'content-md5', 'x-amz-*'];

/**
 * Every table and bucket of the manifest, under the stage's stable names (names.ts), which is how the
 * function stacks find them (`importData`). Tables: on-demand, AWS-managed encryption, point-in-time
 * recovery; buckets: private, SSL-only, versioned, access-logged. Production keeps its data on
 * deletion; other stages delete it, buckets emptied first (`cdk destroy` of a used dev stage works).
 */
export class Data extends Construct implements DataResources {
  public readonly tables: Readonly<Record<TableId, Table>>;
  public readonly buckets: Readonly<Record<BucketId, Bucket>>;
  /** Receives the server access logs of all other buckets. */
  public readonly accessLogBucket: Bucket;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    this.tables = mapRecord<TableId, TableSpec, Table>(TABLES, (tableId, spec) =>
      this.createTable(tableId, spec, props.settings),
    );
    this.accessLogBucket = this.createAccessLogBucket(props.settings);
    this.buckets = mapRecord<BucketId, BucketSpec, Bucket>(BUCKETS, (bucketId, spec) =>
      this.createBucket(bucketId, spec, props.settings),
    );
  }

  private createTable(id: TableId, spec: TableSpec, settings: DeploymentSettings): Table {
    const table = new Table(this, `${id}Table`, {
      tableName: tableName(settings.stage, id),
      partitionKey: { name: spec.partitionKey, type: AttributeType.STRING },
      sortKey: { name: spec.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: isProduction(settings),
      removalPolicy: removalPolicyFor(settings),
      ...(spec.ttlAttribute === undefined ? {} : { timeToLiveAttribute: spec.ttlAttribute }),
    });
    for (const index of spec.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    return table;
  }

  private createBucket(id: BucketId, spec: BucketSpec, settings: DeploymentSettings): Bucket {
    return new Bucket(this, `${id}Bucket`, {
      bucketName: bucketName(settings.stage, id),
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: `${id}/`,
      lifecycleRules: lifecycleRulesFor(spec),
      ...bucketRemoval(settings),
      ...(spec.browserUploads === true ? { cors: [uploadCorsRule()] } : {}),
    });
  }

  /** Needs no AwsSolutions-S1 acknowledgment: cdk-nag accepts the bucket other buckets log into. */
  private createAccessLogBucket(settings: DeploymentSettings): Bucket {
    return new Bucket(this, 'accessLogBucket', {
      // S3 server access logging delivers only to SSE-S3 buckets.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      bucketName: bucketName(settings.stage, 'accessLogs'),
      lifecycleRules: [{ expiration: Duration.days(DEFAULTS.logRetentionDays) }],
      ...bucketRemoval(settings),
    });
  }
}

/**
 * A bucket that still holds objects cannot be deleted, so outside production CDK's auto-delete custom
 * resource empties it (every version) when the stack is destroyed; production retains it.
 */
const bucketRemoval = (settings: DeploymentSettings) => ({
  removalPolicy: removalPolicyFor(settings),
  autoDeleteObjects: !isProduction(settings),
});

/**
 * The stateful stack's tables and buckets as another stack of the same stage sees them: by name, with
 * ARNs built in that stack's own account and region, and grants on the indexes of tables that have them.
 */
export const importData = (scope: Construct, settings: DeploymentSettings): DataResources => ({
  tables: mapRecord<TableId, TableSpec, ITable>(TABLES, (id, spec) =>
    Table.fromTableAttributes(scope, `${id}Table`, {
      tableName: tableName(settings.stage, id),
      grantIndexPermissions: spec.indexes.length > 0,
    }),
  ),
  buckets: mapRecord<BucketId, BucketSpec, IBucket>(BUCKETS, (id) =>
    Bucket.fromBucketName(scope, `${id}Bucket`, bucketName(settings.stage, id)),
  ),
});

const lifecycleRulesFor = (spec: BucketSpec): LifecycleRule[] => [
  {
    id: 'housekeeping',
    abortIncompleteMultipartUploadAfter: Duration.days(ABORT_MULTIPART_DAYS),
    noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS),
  },
  ...(spec.expirations ?? []).map(
    ({ prefix, days }): LifecycleRule => ({
      id: `expire-${prefix}`,
      prefix,
      expiration: Duration.days(days),
    }),
  ),
];

/** Browsers post files straight to S3 with a presigned POST form; any origin, POST only. */
const uploadCorsRule = () => ({
  allowedMethods: [HttpMethods.POST],
  allowedOrigins: ['*'],
  allowedHeaders: UPLOAD_CORS_HEADERS,
  exposedHeaders: ['ETag', 'Location'],
  maxAge: 3000,
});

const mapRecord = <K extends string, S, R>(
  specs: Record<K, S>,
  build: (key: K, spec: S) => R,
): Record<K, R> =>
  Object.fromEntries(Object.entries<S>(specs).map(([key, spec]) => [key, build(key as K, spec)])) as Record<
    K,
    R
  >;
