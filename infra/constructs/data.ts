import { Duration } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
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
 * Every table and bucket of the manifest. Tables: on-demand, AWS-managed encryption, point-in-time
 * recovery; buckets: private, SSL-only, versioned, access-logged. Production keeps its data on deletion.
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
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: `${id}/`,
      lifecycleRules: lifecycleRulesFor(spec),
      removalPolicy: removalPolicyFor(settings),
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
      lifecycleRules: [{ expiration: Duration.days(DEFAULTS.logRetentionDays) }],
      removalPolicy: removalPolicyFor(settings),
    });
  }
}

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
