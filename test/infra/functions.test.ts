import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCKETS, FUNCTIONS, type FunctionSpec, TABLES } from '../../infra/manifest.ts';
import { bucketEnvVar, tableEnvVar } from '../../shared/config/env.ts';
import {
  actionsOf,
  flat,
  houseFunctions,
  logicalIdOf,
  type Resource,
  required,
  resourceOf,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from './synth-stack.ts';

const kebab = (id: string): string => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const specById = (id: string): FunctionSpec =>
  required(
    FUNCTIONS.find((fn) => fn.id === id),
    `manifest entry ${id}`,
  );

describe('house functions', () => {
  let synth: Synthesized;
  const houseFunction = (id: string) => required(houseFunctions(synth.stacks)[id], `function ${id}`);
  const lambdaOf = (id: string): Resource => resourceOf(synth, houseFunction(id).fn);
  const templateOf = (id: string) => synth.templateOf(houseFunction(id).fn);
  const statementsOf = (id: string) => statementsOfRole(templateOf(id), logicalIdOf(houseFunction(id).role));
  const environmentOf = (id: string) =>
    (lambdaOf(id).Properties.Environment as { Variables: Record<string, unknown> }).Variables;
  /** Statements whose actions belong to a service, and the ARNs they name (as template JSON). */
  const statementsFor = (id: string, service: string) =>
    statementsOf(id).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith(`${service}:`)),
    );

  beforeAll(() => {
    synth = synthesize();
  });
  afterAll(() => synth.cleanup());

  it('every Lambda function of ours runs Node 24 on arm64 with active tracing', () => {
    const functions = synth
      .resourcesOf('AWS::Lambda::Function')
      .filter((fn) => fn.Properties.FunctionName !== undefined);

    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    }
  });

  it.each(FUNCTIONS.map((fn) => fn.id))(
    '%s has the manifest memory and timeout, 256 MB / 10 s by default',
    (id) => {
      const spec = specById(id);

      const props = lambdaOf(id).Properties;

      expect(props.MemorySize).toBe(spec.memoryMb ?? 256);
      expect(props.Timeout).toBe(spec.timeoutSeconds ?? 10);
      expect(props.Handler).toBe('index.handler');
    },
  );

  it.each(FUNCTIONS.map((fn) => fn.id))('%s carries the deployment settings and source maps', (id) => {
    const env = environmentOf(id);

    expect(env).toMatchObject({
      QS_STAGE: 'dev',
      QS_GROUPS_CLAIM: 'cognito:groups',
      QS_DEPARTMENT_CLAIM: 'custom:department',
      QS_ENTERPRISE_CLAIM: 'custom:enterprise',
      POWERTOOLS_METRICS_NAMESPACE: 'Qingshan',
      POWERTOOLS_TRACE_ENABLED: 'true',
      QS_TIME_ZONE: 'Asia/Shanghai',
      QS_IDENTIFIER_PREFIX: '88.118.8',
      QS_TELEMETRY_RETENTION_DAYS: '800',
      POWERTOOLS_SERVICE_NAME: 'qingshan',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it.each(FUNCTIONS.map((fn) => fn.id))('%s logs to its own log group, kept 365 days', (id) => {
    const logGroupRef = (lambdaOf(id).Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;

    const logGroup = templateOf(id).toJSON().Resources[logGroupRef] as Resource;

    expect(logGroup.Properties.RetentionInDays).toBe(365);
    expect(logGroup.Properties.LogGroupName).toBe(`/aws/lambda/qingshan-dev-${id}`);
  });

  it.each(FUNCTIONS.map((fn) => fn.id))(
    '%s has name variables only for the resources it is granted',
    (id) => {
      const spec = specById(id);
      const expected = [
        ...Object.keys(spec.tables ?? {}).map(tableEnvVar),
        ...Object.keys(spec.buckets ?? {}).map(bucketEnvVar),
      ].sort();

      const actual = Object.keys(environmentOf(id)).filter((name) => /^QS_(TABLE|BUCKET)_/.test(name));

      expect(actual.sort()).toEqual(expected);
    },
  );

  it.each(FUNCTIONS.map((fn) => fn.id))('%s may touch exactly the manifest tables and buckets', (id) => {
    // Prepare: the stage names of what the manifest grants, and of everything else (stacks find each
    // other's tables and buckets by name).
    const spec = specById(id);
    const granted = [
      ...Object.keys(spec.tables ?? {}).map((table) => `:table/qingshan-dev-${table}`),
      ...Object.keys(spec.buckets ?? {}).map((bucket) => `:::qingshan-dev-${kebab(bucket)}-`),
    ];
    const all = [
      ...Object.keys(TABLES).map((table) => `:table/qingshan-dev-${table}`),
      ...Object.keys(BUCKETS).map((bucket) => `:::qingshan-dev-${kebab(bucket)}-`),
    ];

    // Act
    const data = [...statementsFor(id, 'dynamodb'), ...statementsFor(id, 's3')];
    const text = data.flatMap((statement) => [statement.Resource].flat().map(flat)).join(' ');
    const named = all.filter((name) => text.includes(name));

    // Assess
    expect(named.sort()).toEqual(granted.sort());
  });

  it('the ingest function reads and writes the telemetry table and has no S3 access', () => {
    const dynamo = statementsFor('ingestTelemetry', 'dynamodb');
    const actions = dynamo.flatMap(actionsOf);
    const telemetry = dynamo.filter((statement) =>
      [statement.Resource].flat().map(flat).join(' ').includes(':table/qingshan-dev-telemetry'),
    );

    expect(telemetry.length).toBeGreaterThan(0);
    expect(telemetry.flatMap(actionsOf)).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem']),
    );
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem']),
    );
    expect(statementsFor('ingestTelemetry', 's3')).toEqual([]);
    expect(environmentOf('ingestTelemetry')[tableEnvVar('telemetry')]).toBe('qingshan-dev-telemetry');
  });

  it('the health function has no DynamoDB or S3 statements at all', () => {
    expect(statementsFor('systemHealth', 'dynamodb')).toEqual([]);
    expect(statementsFor('systemHealth', 's3')).toEqual([]);
  });

  it('the heartbeat job may write job runs but not read them', () => {
    const actions = statementsFor('jobHeartbeat', 'dynamodb').flatMap(actionsOf);

    expect(actions).toContain('dynamodb:PutItem');
    expect(actions).not.toContain('dynamodb:Query');
    expect(actions).not.toContain('dynamodb:Scan');
  });

  it('the upload function may put objects into the media bucket but not read or delete them', () => {
    const actions = statementsFor('mediaCreateUpload', 's3').flatMap(actionsOf);

    expect(actions).toContain('s3:PutObject');
    expect(actions.some((action) => action.startsWith('s3:Get') || action.startsWith('s3:List'))).toBe(false);
    expect(actions.some((action) => action.startsWith('s3:Delete'))).toBe(false);
  });

  it('no function role carries an AWS managed policy', () => {
    for (const fn of Object.values(houseFunctions(synth.stacks))) {
      const role = resourceOf(synth, fn.role);
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});
