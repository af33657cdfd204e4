import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FUNCTIONS,
  httpRoutes,
  type IotRuleTrigger,
  type ScheduleTrigger,
  scheduleInput,
} from '../../infra/manifest.ts';
import { routeKey } from '../../shared/contracts/route.ts';
import { type Resource, type Synthesized, synthesize } from './synth-stack.ts';

// The manifest is the single description of the runtime: the template must hold exactly its triggers.
describe('synthesized template matches the manifest', () => {
  let synth: Synthesized;
  const resourcesOf = (type: string): Resource[] =>
    Object.values(synth.template.findResources(type) as Record<string, Resource>);

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
      .map((trigger) => ({ name: trigger.ruleName, sql: trigger.sql }));

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

  it('has one Lambda function per manifest entry, named after its id', () => {
    const names = resourcesOf('AWS::Lambda::Function').map((fn) => fn.Properties.FunctionName);

    expect(names.sort()).toEqual(FUNCTIONS.map((fn) => `qingshan-dev-${fn.id}`).sort());
  });
});
