import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUCKETS,
  type BucketId,
  type BucketSpec,
  TABLES,
  type TableId,
  type TableSpec,
} from '../../infra/manifest.ts';
import {
  logicalIdOf,
  type Resource,
  required,
  resourceOf,
  type Synthesized,
  synthesize,
} from './synth-stack.ts';

const TABLE_IDS = Object.keys(TABLES) as TableId[];
const BUCKET_IDS = Object.keys(BUCKETS) as BucketId[];

describe('data: tables and buckets', () => {
  let dev: Synthesized;
  let prod: Synthesized;
  const tableOf = (synth: Synthesized, id: TableId): Resource =>
    resourceOf(synth, synth.stacks.stateful.data.tables[id]);
  const bucketOf = (synth: Synthesized, id: BucketId): Resource =>
    resourceOf(synth, synth.stacks.stateful.data.buckets[id]);
  const statefulTemplate = (synth: Synthesized) => synth.templateOf(synth.stacks.stateful);

  beforeAll(() => {
    dev = synthesize();
    prod = synthesize({ stage: 'prod' });
  });
  afterAll(() => {
    dev.cleanup();
    prod.cleanup();
  });

  it.each(TABLE_IDS)('table %s has the manifest key schema and string key attributes', (id) => {
    // Prepare
    const spec = TABLES[id];

    // Act
    const table = tableOf(dev, id).Properties;

    // Assess
    expect(table.KeySchema).toEqual([
      { AttributeName: spec.partitionKey, KeyType: 'HASH' },
      { AttributeName: spec.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: spec.partitionKey, AttributeType: 'S' },
        { AttributeName: spec.sortKey, AttributeType: 'S' },
      ]),
    );
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it.each(TABLE_IDS)('table %s has exactly the manifest GSIs, projecting all attributes', (id) => {
    const expected = TABLES[id].indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    }));

    const actual = tableOf(dev, id).Properties.GlobalSecondaryIndexes ?? [];

    expect(actual).toEqual(expected);
  });

  it.each(TABLE_IDS)('table %s expires items by TTL only when the manifest names an attribute', (id) => {
    const spec: TableSpec = TABLES[id];

    const ttl = tableOf(dev, id).Properties.TimeToLiveSpecification;

    expect(ttl).toEqual(
      spec.ttlAttribute === undefined ? undefined : { AttributeName: spec.ttlAttribute, Enabled: true },
    );
  });

  it.each(TABLE_IDS)('table %s has point-in-time recovery and AWS-managed encryption', (id) => {
    const table = tableOf(dev, id).Properties;

    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    // SSEEnabled without a key id means the AWS managed key (aws/dynamodb), not the owned default.
    expect(table.SSESpecification).toEqual({ SSEEnabled: true });
  });

  it.each(TABLE_IDS)('table %s is protected and retained in prod only', (id) => {
    const inDev = tableOf(dev, id);
    const inProd = tableOf(prod, id);

    expect(inProd.Properties.DeletionProtectionEnabled).toBe(true);
    expect(inProd.DeletionPolicy).toBe('Retain');
    expect(inProd.UpdateReplacePolicy).toBe('Retain');
    expect(inDev.Properties.DeletionProtectionEnabled).toBe(false);
    expect(inDev.DeletionPolicy).toBe('Delete');
  });

  it.each(BUCKET_IDS)('bucket %s is S3-encrypted, fully private and versioned', (id) => {
    const bucket = bucketOf(dev, id).Properties;

    expect(bucket.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  it.each(BUCKET_IDS)('bucket %s denies every request that is not over TLS', (id) => {
    const bucketRef = { Ref: logicalIdOf(dev.stacks.stateful.data.buckets[id]) };

    statefulTemplate(dev).hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: bucketRef,
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it.each(BUCKET_IDS)('bucket %s logs access to the separate log bucket', (id) => {
    const logging = bucketOf(dev, id).Properties.LoggingConfiguration as Record<string, unknown>;

    expect(logging.DestinationBucketName).toEqual({
      Ref: logicalIdOf(dev.stacks.stateful.data.accessLogBucket),
    });
    expect(logging.LogFilePrefix).toBe(`${id}/`);
  });

  it.each(BUCKET_IDS)('bucket %s expires objects under the manifest prefixes', (id) => {
    const spec: BucketSpec = BUCKETS[id];
    const rules = (
      bucketOf(dev, id).Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }
    ).Rules;

    const expirations = rules.filter((rule) => rule.ExpirationInDays !== undefined);

    expect(expirations.map((rule) => ({ prefix: rule.Prefix, days: rule.ExpirationInDays }))).toEqual(
      spec.expirations ?? [],
    );
  });

  it.each(BUCKET_IDS)('bucket %s allows cross-origin POST only when browsers upload to it', (id) => {
    const spec: BucketSpec = BUCKETS[id];

    const cors = bucketOf(dev, id).Properties.CorsConfiguration as
      | { CorsRules: Record<string, unknown>[] }
      | undefined;

    if (spec.browserUploads === true) {
      expect(cors?.CorsRules).toHaveLength(1);
      expect(cors?.CorsRules[0]?.AllowedMethods).toEqual(['POST']);
      expect(cors?.CorsRules[0]?.AllowedHeaders).not.toContain('*');
    } else {
      expect(cors).toBeUndefined();
    }
  });

  it('keeps the access log bucket private and SSL-only too', () => {
    const logBucket = resourceOf(dev, dev.stacks.stateful.data.accessLogBucket);

    expect(logBucket.Properties.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicPolicy: true });
    statefulTemplate(dev).hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalIdOf(dev.stacks.stateful.data.accessLogBucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it.each(TABLE_IDS)('table %s has the stage name the function stacks find it by', (id) => {
    expect(tableOf(dev, id).Properties.TableName).toBe(`qingshan-dev-${id}`);
    expect(tableOf(prod, id).Properties.TableName).toBe(`qingshan-prod-${id}`);
  });

  it('empties and deletes the dev buckets on cdk destroy, and keeps the prod ones', () => {
    // Prepare: the buckets of each stage, and CDK's auto-delete custom resources.
    const siteBucket = (synth: Synthesized) => required(synth.stacks.stateful.web, 'web hosting').bucket;
    const buckets = (synth: Synthesized) => [
      ...BUCKET_IDS.map((id) => bucketOf(synth, id)),
      resourceOf(synth, synth.stacks.stateful.data.accessLogBucket),
      resourceOf(synth, siteBucket(synth)),
    ];
    const autoDeletes = (synth: Synthesized) =>
      Object.values(statefulTemplate(synth).findResources('Custom::S3AutoDeleteObjects')) as Resource[];

    // Act
    const devTargets = autoDeletes(dev).map((resource) => JSON.stringify(resource.Properties.BucketName));

    // Assess
    for (const bucket of buckets(dev)) expect(bucket.DeletionPolicy).toBe('Delete');
    for (const bucket of buckets(prod)) expect(bucket.DeletionPolicy).toBe('Retain');
    expect(devTargets.sort()).toEqual(
      [
        ...BUCKET_IDS.map((id) => dev.stacks.stateful.data.buckets[id]),
        dev.stacks.stateful.data.accessLogBucket,
        siteBucket(dev),
      ]
        .map((bucket) => JSON.stringify({ Ref: logicalIdOf(bucket) }))
        .sort(),
    );
    expect(autoDeletes(prod)).toEqual([]);
  });
});
