import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTEXTS,
  FUNCTIONS,
  httpRoutes,
  type IotRuleTrigger,
  iotRuleName,
  type ScheduleTrigger,
  scheduleInput,
} from '../../infra/manifest.ts';
import { routeKey } from '../../shared/contracts/route.ts';
import { type Resource, required, type Synthesized, synthesize } from './synth-stack.ts';

// The manifest is the single description of the runtime: the stage's stacks together must hold exactly
// its triggers, whatever stack each landed in.
describe('synthesized stacks match the manifest', () => {
  let synth: Synthesized;
  const resourcesOf = (type: string): Resource[] => synth.resourcesOf(type);

  beforeAll(() => {
    synth = synthesize();
  });
  afterAll(() => synth.cleanup());

  it('has one HTTP route per manifest route, and no other', () => {
    // Prepare
    const expected = httpRoutes().map(({ route }) => routeKey(route));

    // Act
    const actual = resourcesOf('AWS::ApiGatewayV2::Route').map((route) => route.Properties.RouteKey);

    // Assess
    expect(actual.sort()).toEqual([...expected].sort());
    expect(new Set(actual).size).toBe(actual.length);
  });

  it('has exactly the manifest IoT rules, by name and SQL', () => {
    const expected = FUNCTIONS.map((fn) => fn.trigger)
      .filter((trigger): trigger is IotRuleTrigger => trigger.kind === 'iotRule')
      .map((trigger) => ({ name: iotRuleName('dev', trigger), sql: trigger.sql('dev') }));

    const actual = resourcesOf('AWS::IoT::TopicRule').map((rule) => ({
      name: rule.Properties.RuleName,
      sql: (rule.Properties.TopicRulePayload as { Sql: string }).Sql,
    }));

    expect(actual).toHaveLength(expected.length);
    expect(actual).toEqual(expect.arrayContaining(expected));
  });

  it('has exactly the manifest schedules, by expression and input', () => {
    const expected = FUNCTIONS.map((fn) => fn.trigger)
      .filter((trigger): trigger is ScheduleTrigger => trigger.kind === 'schedule')
      .map((trigger) => ({ expression: trigger.expression, input: JSON.stringify(scheduleInput(trigger)) }));

    const actual = resourcesOf('AWS::Scheduler::Schedule').map((schedule) => ({
      expression: schedule.Properties.ScheduleExpression,
      input: (schedule.Properties.Target as { Input: string }).Input,
    }));

    expect(actual).toHaveLength(expected.length);
    expect(actual).toEqual(expect.arrayContaining(expected));
  });

  it('schedules fire with the scheduler placeholder for the fire time, parsed back to the job name', () => {
    const inputs = resourcesOf('AWS::Scheduler::Schedule').map(
      (schedule) =>
        JSON.parse((schedule.Properties.Target as { Input: string }).Input) as Record<string, string>,
    );

    for (const input of inputs) expect(input.scheduledTime).toBe('<aws.scheduler.scheduled-time>');
    expect(inputs.map((input) => input.job)).toContain('heartbeat');
  });

  it('has one Lambda function per manifest entry, named after its stage and id', () => {
    // CDK's own custom-resource providers (dev buckets' auto-delete) carry no name of ours.
    const names = resourcesOf('AWS::Lambda::Function')
      .map((fn) => fn.Properties?.FunctionName)
      .filter((name) => name !== undefined);

    expect(names.sort()).toEqual(FUNCTIONS.map((fn) => `qingshan-dev-${fn.id}`).sort());
  });

  it('puts each context in its own stack, holding exactly that context’s functions', () => {
    for (const [name, specs] of Object.entries(CONTEXTS)) {
      const stack = required(synth.stacks.contexts[name], `stack of ${name}`);
      const names = Object.values(synth.templateOf(stack).findResources('AWS::Lambda::Function')).map(
        (fn) => (fn as Resource).Properties.FunctionName,
      );

      expect(stack.stackName).toBe(`Qingshan-dev-${name.charAt(0).toUpperCase()}${name.slice(1)}`);
      expect(names.sort()).toEqual(specs.map((spec) => `qingshan-dev-${spec.id}`).sort());
    }
  });
});
