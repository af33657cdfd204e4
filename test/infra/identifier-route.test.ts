import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV, tableEnvVar } from '../../shared/config/env.ts';
import {
  houseFunctions,
  logicalIdOf,
  type Resource,
  required,
  resourceOf,
  type Synthesized,
  synthesize,
} from './synth-stack.ts';

// `GET /identifiers/{id+}`: handles contain `/`, so the route must keep its greedy parameter in the
// HTTP API (a plain `{id}` would stop at the first slash), and reach the resolver function.
describe('identifier resolution route', () => {
  let synth: Synthesized;
  const resolver = () =>
    required(houseFunctions(synth.stacks).registryResolveIdentifier, 'resolver function');
  const resources = (type: string) =>
    Object.values(synth.templateOf(resolver().fn).findResources(type) as Record<string, Resource>);

  beforeAll(() => {
    synth = synthesize();
  });
  afterAll(() => synth.cleanup());

  it('is a greedy JWT-protected route integrated with the resolver Lambda', () => {
    const route = required(
      resources('AWS::ApiGatewayV2::Route').find((r) => r.Properties.RouteKey === 'GET /identifiers/{id+}'),
      'identifier route',
    );
    expect(route.Properties.AuthorizationType).toBe('JWT');
    const fn = resolver();
    const [integrationId, integration] = required(
      Object.entries(
        synth.templateOf(fn.fn).findResources('AWS::ApiGatewayV2::Integration') as Record<string, Resource>,
      ).find(([, candidate]) =>
        JSON.stringify(candidate.Properties.IntegrationUri).includes(logicalIdOf(fn.fn)),
      ),
      'resolver integration',
    );
    expect(JSON.stringify(route.Properties.Target)).toContain(integrationId);
    expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
  });

  it('gives the resolver the identifier prefix and the registry and carbon tables', () => {
    const lambda = resourceOf(synth, resolver().fn);
    const variables = (lambda.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables[ENV.identifierPrefix]).toBe('88.118.8');
    expect(Object.keys(variables)).toEqual(
      expect.arrayContaining([tableEnvVar('registry'), tableEnvVar('carbon')]),
    );
  });
});
