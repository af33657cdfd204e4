import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/manifest.ts';
import {
  actionsOf,
  houseFunctions,
  logicalIdOf,
  type Resource,
  required,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from './synth-stack.ts';

type Statement = Record<string, unknown>;

/** A template value as text: Fn::Join flattened, pseudo parameters as `<AWS::Region>`. */
const flat = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const object = value as Record<string, unknown>;
  if ('Ref' in object) return `<${String(object.Ref)}>`;
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map(flat).join(separator);
  }
  return JSON.stringify(value);
};
const resourcesOf = (statement: Statement): string[] => [statement.Resource].flat().map(flat);

const ARN = 'arn:<AWS::Partition>:iot:<AWS::Region>:<AWS::AccountId>';
const THING = `\${iot:Connection.Thing.ThingName}`;

describe('devices: the meter IoT policy and the provisioning grants', () => {
  let synth: Synthesized;
  const policies = () =>
    Object.values(synth.template.findResources('AWS::IoT::Policy') as Record<string, Resource>);
  const iotStatementsOf = (id: string): Statement[] => {
    const fn = required(houseFunctions(synth.stack)[id], `function ${id}`);
    return statementsOfRole(synth.template, logicalIdOf(fn.role)).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('iot:')),
    );
  };
  /** action → the resources granted for it. */
  const grantsOf = (id: string): Record<string, string[]> => {
    const grants: Record<string, string[]> = {};
    for (const statement of iotStatementsOf(id)) {
      expect(statement.Effect).toBe('Allow');
      // CDK merges statements with equal resources, so X-Ray's `*` may share one with IoT's.
      for (const action of actionsOf(statement).filter((name) => name.startsWith('iot:'))) {
        grants[action] = [...(grants[action] ?? []), ...resourcesOf(statement)].sort();
      }
    }
    return grants;
  };

  beforeAll(() => {
    synth = synthesize();
  });
  afterAll(() => synth.cleanup());

  it('creates ONE meter policy: connect as the own thing only, publish to the own telemetry topic only', () => {
    expect(policies()).toHaveLength(1);
    const [policy] = policies();
    const document = required(policy, 'policy').Properties.PolicyDocument as { Statement: Statement[] };

    const statements = document.Statement.map((statement) => ({
      effect: statement.Effect,
      actions: actionsOf(statement),
      resources: resourcesOf(statement),
      condition: statement.Condition,
    }));

    expect(required(policy, 'policy').Properties.PolicyName).toBe('qingshan-dev-meter');
    expect(statements).toEqual([
      {
        effect: 'Allow',
        actions: ['iot:Connect'],
        resources: [`${ARN}:client/${THING}`],
        condition: { Bool: { 'iot:Connection.Thing.IsAttached': 'true' } },
      },
      {
        effect: 'Allow',
        actions: ['iot:Publish'],
        resources: [`${ARN}:topic/qingshan/meters/${THING}/telemetry`],
        condition: undefined,
      },
    ]);
  });

  it('lets the issuing function create, attach and deactivate — and nothing else on IoT', () => {
    const certs = `${ARN}:cert/*`;
    const things = `${ARN}:thing/*`;

    expect(grantsOf('registryIssueMeterCredentials')).toEqual({
      'iot:AttachPolicy': [certs],
      'iot:AttachThingPrincipal': [certs, things],
      'iot:CreateKeysAndCertificate': ['*'],
      'iot:CreateThing': [things],
      'iot:DescribeEndpoint': ['*'],
      'iot:DetachPolicy': [certs],
      'iot:DetachThingPrincipal': [certs, things],
      'iot:UpdateCertificate': [certs],
      'iot:UpdateThing': [things],
    });
  });

  it('lets the revoking function only deactivate and detach', () => {
    expect(Object.keys(grantsOf('registryRevokeMeterCredentials')).sort()).toEqual([
      'iot:DetachPolicy',
      'iot:DetachThingPrincipal',
      'iot:UpdateCertificate',
    ]);
  });

  it('tells exactly the provisioning functions to use IoT and which policy to attach', () => {
    for (const spec of FUNCTIONS) {
      const fn = required(houseFunctions(synth.stack)[spec.id], spec.id);
      const lambda = synth.template.toJSON().Resources[logicalIdOf(fn.fn)] as Resource;
      const env = (lambda.Properties.Environment as { Variables: Record<string, unknown> }).Variables;

      if (spec.iot === undefined) {
        expect(iotStatementsOf(spec.id), spec.id).toEqual([]);
        expect(env.QS_DEVICE_PROVISIONER, spec.id).toBeUndefined();
      } else {
        expect(env, spec.id).toMatchObject({
          QS_DEVICE_PROVISIONER: 'iot',
          QS_DEVICE_POLICY: 'qingshan-dev-meter',
        });
      }
    }
  });
});
