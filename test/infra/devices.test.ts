import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/manifest.ts';
import {
  actionsOf,
  flat,
  houseFunctions,
  logicalIdOf,
  required,
  resourceOf,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from './synth-stack.ts';

type Statement = Record<string, unknown>;

const resourcesOf = (statement: Statement): string[] => [statement.Resource].flat().map(flat);

const ARN = 'arn:<AWS::Partition>:iot:<AWS::Region>:<AWS::AccountId>';
const THING = `\${iot:Connection.Thing.ThingName}`;
const METER = `\${iot:Connection.Thing.Attributes[meterId]}`;

describe('devices: the meter IoT policy and the provisioning grants', () => {
  let synth: Synthesized;
  const policies = () => synth.resourcesOf('AWS::IoT::Policy');
  const iotStatementsOf = (id: string): Statement[] => {
    const fn = required(houseFunctions(synth.stacks)[id], `function ${id}`);
    return statementsOfRole(synth.templateOf(fn.fn), logicalIdOf(fn.role)).filter((statement) =>
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

  it('creates ONE meter policy, in the stateful stack: connect as the own thing only, publish to the own meter’s topic of the stage only', () => {
    expect(policies()).toHaveLength(1);
    expect(
      Object.keys(synth.templateOf(synth.stacks.stateful).findResources('AWS::IoT::Policy')),
    ).toHaveLength(1);
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
        resources: [`${ARN}:topic/qingshan/dev/meters/${METER}/telemetry`],
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
      const fn = required(houseFunctions(synth.stacks)[spec.id], spec.id);
      const lambda = resourceOf(synth, fn.fn);
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
