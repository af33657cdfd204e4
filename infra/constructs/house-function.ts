import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { bucketEnvVar, ENV, tableEnvVar } from '../../shared/config/env.ts';
import {
  bundleDefines,
  ESBUILD_OPTIONS,
  ESM_REQUIRE_BANNER,
  MAIN_FIELDS,
  NODE_OPTIONS,
  NODE_TARGET,
} from '../bundling.ts';
import {
  type Access,
  type BucketId,
  DEFAULTS,
  type FunctionSpec,
  TABLES,
  type TableId,
} from '../manifest.ts';
import { functionName as functionNameFor, METRICS_NAMESPACE } from '../names.ts';
import { type DeploymentSettings, isProduction } from '../settings.ts';
import {
  acknowledgeBucketGrant,
  acknowledgeIndexGrant,
  acknowledgeTracingWildcard,
} from './nag-suppressions.ts';

export type { DeploymentSettings } from '../settings.ts';
export { isProduction } from '../settings.ts';

export const removalPolicyFor = (settings: DeploymentSettings): RemovalPolicy =>
  isProduction(settings) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

/** The resources a function may be bound to, keyed as in the manifest. */
export interface DataResources {
  tables: Readonly<Record<TableId, ITable>>;
  buckets: Readonly<Record<BucketId, IBucket>>;
}

export interface HouseFunctionProps {
  spec: FunctionSpec;
  settings: DeploymentSettings;
  data: DataResources;
}

/** Manifest entries are paths from the project root, whatever the working directory of the caller. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const DEFAULT_MEMORY_MB = 256;
export const DEFAULT_TIMEOUT_SECONDS = 10;

/** The options of infra/bundling.ts in NodejsFunction's vocabulary; esbuild runs locally, never in Docker. */
export const nodejsBundling = (settings: { tracing: boolean }): BundlingOptions => ({
  format: OutputFormat.ESM,
  target: NODE_TARGET,
  minify: true,
  sourceMap: true,
  sourcesContent: ESBUILD_OPTIONS.sourcesContent,
  mainFields: [...MAIN_FIELDS],
  banner: ESM_REQUIRE_BANNER,
  bundleAwsSDK: true,
  externalModules: [],
  define: bundleDefines(settings),
  forceDockerBundling: false,
});

/**
 * A Lambda function with the house defaults (docs/style.md, Powertools): Node 24 on arm64,
 * X-Ray, its own log group with retention, source maps, and access to exactly the tables and buckets its
 * manifest entry names — nothing is granted implicitly.
 */
export class HouseFunction extends Construct {
  public readonly fn: NodejsFunction;
  public readonly spec: FunctionSpec;
  /** The function's own role: no AWS managed policy, only what this construct grants. */
  public readonly role: Role;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    super(scope, id);
    const { spec, settings } = props;
    this.spec = spec;
    const functionName = functionNameFor(settings.stage, spec.id);
    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: toRetentionDays(DEFAULTS.logRetentionDays),
      removalPolicy: removalPolicyFor(settings),
    });
    this.role = createExecutionRole(this, logGroup, functionName, settings.tracing);
    this.fn = new NodejsFunction(this, 'Function', {
      functionName,
      description: spec.description,
      entry: `${PROJECT_ROOT}${spec.entry}`,
      projectRoot: PROJECT_ROOT,
      handler: 'handler',
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb ?? DEFAULT_MEMORY_MB,
      timeout: Duration.seconds(spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      // Off, not PassThrough, where X-Ray is not offered to Lambda: no segments, no xray:* grant.
      tracing: settings.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      logGroup,
      role: this.role,
      bundling: nodejsBundling(settings),
      environment: baseEnvironment(settings),
    });
    this.bindAll(spec, props.data);
  }

  /** Sets the table's name variable and grants exactly `access` to it. */
  public bindTable(id: TableId, table: ITable, access: Access): void {
    this.fn.addEnvironment(tableEnvVar(id), table.tableName);
    if (access !== 'write') table.grantReadData(this.fn);
    if (access !== 'read') table.grantWriteData(this.fn);
    if (TABLES[id].indexes.length > 0) acknowledgeIndexGrant(this.role, id, table.tableArn);
  }

  /** Sets the bucket's name variable; write means putting objects (presigned POST, reports), not deleting. */
  public bindBucket(id: BucketId, bucket: IBucket, access: Access): void {
    this.fn.addEnvironment(bucketEnvVar(id), bucket.bucketName);
    if (access !== 'write') bucket.grantRead(this.fn);
    if (access !== 'read') bucket.grantPut(this.fn);
    acknowledgeBucketGrant(this.role, id, bucket.bucketArn, access);
  }

  private bindAll(spec: FunctionSpec, data: DataResources): void {
    for (const [id, access] of entriesOf(spec.tables)) this.bindTable(id, data.tables[id], access);
    for (const [id, access] of entriesOf(spec.buckets)) this.bindBucket(id, data.buckets[id], access);
  }
}

/**
 * Replaces AWSLambdaBasicExecutionRole (AwsSolutions-IAM4): the function may write to its own log group
 * only, and needs no CreateLogGroup because the group is created here.
 */
const createExecutionRole = (
  scope: Construct,
  logGroup: LogGroup,
  functionName: string,
  tracing: boolean,
): Role => {
  const role = new Role(scope, 'Role', {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `Execution role of ${functionName}`,
  });
  logGroup.grantWrite(role);
  if (tracing) acknowledgeTracingWildcard(role);
  return role;
};

const baseEnvironment = (settings: DeploymentSettings): Record<string, string> => ({
  [ENV.stage]: settings.stage,
  [ENV.timeZone]: settings.timeZone,
  [ENV.identifierPrefix]: settings.identifierPrefix,
  [ENV.telemetryRetentionDays]: String(settings.telemetryRetentionDays),
  [ENV.serviceName]: 'qingshan',
  // Business figures (EMF) land in one namespace; the stage is a dimension, so stages never mix.
  POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
  // Powertools Tracer follows the function's X-Ray setting.
  POWERTOOLS_TRACE_ENABLED: String(settings.tracing),
  // The principal is read from the claims the deployment's issuer puts its roles, department and enterprise in.
  [ENV.groupsClaim]: settings.claims.groups,
  [ENV.departmentClaim]: settings.claims.department,
  [ENV.enterpriseClaim]: settings.claims.enterprise,
  [ENV.usernameClaim]: settings.claims.username,
  NODE_OPTIONS,
});

/** Typed entries of a partial access map, skipping keys explicitly set to undefined. */
const entriesOf = <K extends string>(access: Partial<Record<K, Access>> | undefined): [K, Access][] =>
  Object.entries(access ?? {}).filter((entry): entry is [K, Access] => entry[1] !== undefined);

/** CloudWatch accepts only certain retention periods; a manifest value outside them is a config error. */
export const toRetentionDays = (days: number): RetentionDays => {
  const allowed = Object.values(RetentionDays).filter(
    (value): value is RetentionDays => typeof value === 'number',
  );
  const match = allowed.find((value) => value === days);
  if (match === undefined)
    throw new Error(`log retention of ${days} days is not a CloudWatch retention period`);
  return match;
};
