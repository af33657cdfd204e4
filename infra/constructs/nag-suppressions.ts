/**
 * cdk-nag 3 acknowledgments go through CDK's own `Validations.of(construct).acknowledge`, one finding at a
 * time (no prefix matching), and IAM5 findings name the exact resource in cdk-nag's notation. These helpers
 * build those ids so each acknowledgment can sit next to the resource it concerns, with its reason.
 */
import { type CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Access } from '../manifest.ts';

/** `<LogicalId.Arn>`: how cdk-nag prints `Fn::GetAtt [LogicalId, Arn]` inside a finding id. */
export const arnRef = (resource: IConstruct): string => {
  const cfn = resource.node.defaultChild as CfnResource | undefined;
  if (cfn === undefined) throw new Error(`${resource.node.path} has no CloudFormation resource`);
  return `<${Stack.of(cfn).getLogicalId(cfn)}.Arn>`;
};

/**
 * How cdk-nag prints a template value inside a finding id: `{Ref: X}` as `<X>`, `Fn::GetAtt [X, Arn]` as
 * `<X.Arn>`, `Fn::Join` joined. For ARNs of resources another stack owns, built from their names.
 */
export const nagNotation = (scope: IConstruct, value: string): string =>
  flatten(Stack.of(scope).resolve(value));

const flatten = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const object = value as Record<string, unknown>;
  if ('Ref' in object) return `<${String(object.Ref)}>`;
  if ('Fn::GetAtt' in object) return `<${(object['Fn::GetAtt'] as string[]).join('.')}>`;
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map(flatten).join(separator);
  }
  return JSON.stringify(value);
};

/** Acknowledges one rule (or one finding of it, `Rule[Finding]`) on a construct and its children. */
export const acknowledge = (scope: IConstruct, id: string, reason: string): void => {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${id}`, reason });
};

/** Acknowledges an IAM5 wildcard on one resource pattern, e.g. `<Table.Arn>/index/*`. */
export const acknowledgeWildcardResource = (scope: IConstruct, resource: string, reason: string): void =>
  acknowledge(scope, `IAM5[Resource::${resource}]`, reason);

/** Acknowledges an IAM5 wildcard in an action, e.g. `s3:Abort*`. */
export const acknowledgeWildcardAction = (scope: IConstruct, action: string, reason: string): void =>
  acknowledge(scope, `IAM5[Action::${action}]`, reason);

/** X-Ray's PutTraceSegments and PutTelemetryRecords take no resource ARNs, so active tracing needs `*`. */
export const acknowledgeTracingWildcard = (role: IConstruct): void =>
  acknowledgeWildcardResource(
    role,
    '*',
    'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
  );

/** DynamoDB grants include `<table>/index/*` when the table has GSIs; queries on them need it. */
export const acknowledgeIndexGrant = (role: IConstruct, tableId: string, tableArn: string): void =>
  acknowledgeWildcardResource(
    role,
    `${nagNotation(role, tableArn)}/index/*`,
    `Queries on the ${tableId} table's GSIs need the index ARNs; the grant is scoped to this one table.`,
  );

/** Wildcards S3's grant helpers produce; object keys are generated per request, so they cannot be listed. */
export const acknowledgeBucketGrant = (
  role: IConstruct,
  bucketId: string,
  bucketArn: string,
  access: Access,
): void => {
  acknowledgeWildcardResource(
    role,
    `${nagNotation(role, bucketArn)}/*`,
    `Objects of the ${bucketId} bucket only, whose keys are generated per request and cannot be listed in advance.`,
  );
  if (access !== 'write') {
    for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*']) {
      const reason = `grantRead on the ${bucketId} bucket only: object versions, bucket location and listing.`;
      acknowledgeWildcardAction(role, action, reason);
    }
  }
  if (access !== 'read') {
    const reason = `grantPut on the ${bucketId} bucket: s3:Abort* lets the function abort its own multipart uploads.`;
    acknowledgeWildcardAction(role, 's3:Abort*', reason);
  }
};

/** Public routes (health, OpenAPI) are public by their contract; nag flags every route without an authorizer. */
export const acknowledgePublicRoute = (route: IConstruct, description: string, open311 = false): void => {
  const reason = open311
    ? `${description} is public by the Open311 GeoReport v2 spec: it shows public cases only, and a POST's api_key ` +
      'travels in its form body, which no authorizer can read, so its function checks the key (docs/open311.md).'
    : `${description} is public by contract (roles: 'public') and reveals no data.`;
  acknowledge(route, 'APIG4', reason);
  acknowledge(route, 'COG4', reason);
};
