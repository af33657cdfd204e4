/**
 * Synthesizes the real app (infra/app.ts) the way `cdk synth` would, with cdk.json's feature flags, but
 * without bundling (fast, and independent of the handler files). Shared by the infra tests.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { createApp } from '../../infra/app.ts';
import type { HouseFunction } from '../../infra/constructs/house-function.ts';
import type { QingshanStack } from '../../infra/stacks/qingshan-stack.ts';

/** The feature flags and defaults `cdk synth` reads from cdk.json. */
export const cdkJsonContext = (): Record<string, unknown> =>
  (
    JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
      context: Record<string, unknown>;
    }
  ).context;

export interface Synthesized {
  stack: QingshanStack;
  template: Template;
  /** Removes the temporary cloud assembly. */
  cleanup: () => void;
}

export const synthesize = (context: Record<string, unknown> = {}): Synthesized => {
  const outdir = mkdtempSync(join(tmpdir(), 'qingshan-cdk-'));
  const { app, stack } = createApp({
    outdir,
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context },
  });
  app.synth();
  return {
    stack,
    template: Template.fromStack(stack),
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
};

/** The logical id CloudFormation knows a construct's resource by. */
export const logicalIdOf = (construct: IConstruct): string => {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(construct).resolve(element.logicalId) as string;
};

/** A map lookup that must succeed; `noUncheckedIndexedAccess` makes the test say so. */
export const required = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`missing ${what}`);
  return value;
};

/** Every house function of the stack, by manifest id. */
export const houseFunctions = (stack: QingshanStack): Record<string, HouseFunction> => ({
  ...stack.ingest.functions,
  ...stack.api.functions,
  ...stack.jobs.functions,
});

export type Resource = { Type: string; Properties: Record<string, unknown>; [key: string]: unknown };

/** IAM statements of every policy attached to the role with this logical id. */
export const statementsOfRole = (template: Template, roleLogicalId: string): Record<string, unknown>[] =>
  Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleLogicalId}"`))
    .flatMap(
      (policy) => (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );

export const actionsOf = (statement: Record<string, unknown>): string[] =>
  [statement.Action].flat() as string[];
