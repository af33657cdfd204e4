/**
 * Synthesizes the real app (infra/app.ts) the way `cdk synth` would, with cdk.json's feature flags, but
 * without bundling (fast, and independent of the handler files). Shared by the infra tests: one stage is
 * several stacks, so lookups go either to the stack that holds a construct or across all of them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { createApp, type QingshanStacks } from '../../infra/app.ts';
import type { HouseFunction } from '../../infra/constructs/house-function.ts';

/** The feature flags and defaults `cdk synth` reads from cdk.json. */
export const cdkJsonContext = (): Record<string, unknown> =>
  (
    JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
      context: Record<string, unknown>;
    }
  ).context;

export type Resource = { Type: string; Properties: Record<string, unknown>; [key: string]: unknown };

export interface Synthesized {
  app: App;
  stacks: QingshanStacks;
  /** The template of the stack a construct belongs to. */
  templateOf: (construct: IConstruct) => Template;
  /** Resources of a type across every stack of the stage. */
  resourcesOf: (type: string) => Resource[];
  /** Removes the temporary cloud assembly. */
  cleanup: () => void;
}

export const synthesize = (context: Record<string, unknown> = {}): Synthesized => {
  const outdir = mkdtempSync(join(tmpdir(), 'qingshan-cdk-'));
  const { app, stacks } = createApp({
    outdir,
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context },
  });
  app.synth();
  const templates = new Map(stacks.all.map((stack) => [stack, Template.fromStack(stack)]));
  const templateOf = (construct: IConstruct): Template => {
    const template = templates.get(Stack.of(construct));
    if (template === undefined) throw new Error(`${construct.node.path} is in no stack of the stage`);
    return template;
  };
  return {
    app,
    stacks,
    templateOf,
    resourcesOf: (type) =>
      [...templates.values()].flatMap(
        (template) => Object.values(template.findResources(type)) as Resource[],
      ),
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

/** Every house function of the stage, by manifest id, whichever context stack holds it. */
export const houseFunctions = (stacks: QingshanStacks): Record<string, HouseFunction> =>
  Object.assign({}, ...Object.values(stacks.contexts).map((stack) => stack.functions));

/** The resource a construct synthesizes to, from its own stack's template. */
export const resourceOf = (synth: Synthesized, construct: IConstruct): Resource =>
  synth.templateOf(construct).toJSON().Resources[logicalIdOf(construct)] as Resource;

/** IAM statements of every policy attached to the role with this logical id. */
export const statementsOfRole = (template: Template, roleLogicalId: string): Record<string, unknown>[] =>
  Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleLogicalId}"`))
    .flatMap(
      (policy) => (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );

export const actionsOf = (statement: Record<string, unknown>): string[] =>
  [statement.Action].flat() as string[];

/** A template value as text: Fn::Join flattened, pseudo parameters as `<AWS::Region>`. */
export const flat = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const object = value as Record<string, unknown>;
  if ('Ref' in object) return `<${String(object.Ref)}>`;
  if ('Fn::GetAtt' in object) return `<${(object['Fn::GetAtt'] as string[]).join('.')}>`;
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map(flat).join(separator);
  }
  return JSON.stringify(value);
};
