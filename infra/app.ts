/**
 * CDK entry (`cdk synth`, `cdk deploy --all`). One stage = these stacks, deployed in this order:
 *   Qingshan-<stage>-Stateful    tables, buckets, user pool, meter policy, alarm topic and key (retained in prod),
 *                                and the web app's bucket and distribution
 *   Qingshan-<stage>-Api         the HTTP API, its stage and JWT authorizer
 *   Qingshan-<stage>-Web         the web app's config.json (where it is hosted)
 *   Qingshan-<stage>-<Context>   one per bounded context of the manifest: functions, routes, rules, schedules, alarms
 *   Qingshan-<stage>-Ops         dashboard, API and DynamoDB alarms
 * Context settings: infra/settings.ts (README "Deploying"); `skipBundling=true` synthesizes without running
 * esbuild (the CLI refuses `-c aws:cdk:bundling-stacks=[]` from users). Every synth runs the cdk-nag
 * AwsSolutions pack and writes its findings, acknowledged ones with their reasons, to cdk.out.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { App, type AppProps, cx_api as cxapi, type Environment, type Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CONTEXTS } from './manifest.ts';
import { writeNagReport } from './nag-report.ts';
import { booleanContext, type DeploymentSettings, readSettings, stringContext } from './settings.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { ContextStack } from './stacks/context-stack.ts';
import { OpsStack } from './stacks/ops-stack.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { WebStack } from './stacks/web-stack.ts';

export { readSettings } from './settings.ts';

export interface QingshanStacks {
  stateful: StatefulStack;
  api: ApiStack;
  /** The web app's configuration, where the web app is hosted. */
  web: WebStack | undefined;
  /** By context name (manifest CONTEXTS). */
  contexts: Record<string, ContextStack>;
  ops: OpsStack;
  /** Every stack, in deployment order. */
  all: Stack[];
}

/** `carbon` → `Carbon`: stack names read like the contexts. */
const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** Builds the app and the stage's stacks, with the AwsSolutions checks registered. Does not synthesize. */
export const createApp = (
  props: AppProps = {},
): { app: App; stacks: QingshanStacks; settings: DeploymentSettings } => {
  const app = new App(props);
  if (booleanContext(app, 'skipBundling')) app.node.setContext(cxapi.BUNDLING_STACKS, []);
  const settings = readSettings(app);
  const corsOrigins = stringContext(app, 'corsOrigins')
    ?.split(',')
    .map((origin) => origin.trim());
  const prefix = `Qingshan-${settings.stage}`;
  const common = {
    settings,
    ...environmentOf(settings),
  };
  const describe = (part: string) => `Qingshan ${settings.stage}: ${part}`;
  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    ...common,
    description: describe('tables, buckets, identity, meter policy, alarm topic (stateful)'),
    terminationProtection: settings.stage === 'prod',
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    ...common,
    description: describe('HTTP API and JWT authorizer'),
    ...(corsOrigins === undefined ? {} : { corsOrigins }),
  });
  api.addStackDependency(stateful, 'reads the identity parameters');
  const web =
    settings.web === undefined ? undefined : webStack(app, prefix, common, describe, [stateful, api]);
  const contexts: Record<string, ContextStack> = {};
  for (const [name, specs] of Object.entries(CONTEXTS)) {
    const stack = new ContextStack(app, `${prefix}-${pascal(name)}`, {
      ...common,
      specs,
      description: describe(`${name} functions and their triggers`),
    });
    stack.addStackDependency(stateful, 'uses its tables, buckets, topic and meter policy');
    stack.addStackDependency(api, 'adds its routes to the HTTP API');
    contexts[name] = stack;
  }
  const ops = new OpsStack(app, `${prefix}-Ops`, {
    ...common,
    description: describe('dashboard and alarms'),
  });
  ops.addStackDependency(api, 'watches the HTTP API');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return {
    app,
    settings,
    stacks: {
      stateful,
      api,
      web,
      contexts,
      ops,
      all: [stateful, api, ...(web === undefined ? [] : [web]), ...Object.values(contexts), ops],
    },
  };
};

const webStack = (
  app: App,
  prefix: string,
  common: { settings: DeploymentSettings; env?: Environment },
  describe: (part: string) => string,
  readsFrom: Stack[],
): WebStack => {
  const web = new WebStack(app, `${prefix}-Web`, {
    ...common,
    description: describe('web app configuration'),
  });
  for (const stack of readsFrom) web.addStackDependency(stack, 'reads its parameters into config.json');
  return web;
};

/** Environment-agnostic unless the app is pinned (`-c region=cn-northwest-1 [-c account=…]`). */
const environmentOf = (settings: DeploymentSettings): { env?: Environment } => {
  if (settings.region === undefined && settings.account === undefined) return {};
  return {
    env: {
      ...(settings.region === undefined ? {} : { region: settings.region }),
      ...(settings.account === undefined ? {} : { account: settings.account }),
    },
  };
};

const isEntryPoint = (): boolean => {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(realpathSync(script)).href;
};

/** Synthesizes, and writes the nag report even when the synth fails on a finding. */
const main = (): void => {
  const { app } = createApp();
  try {
    app.synth();
  } finally {
    writeNagReport(app, app.outdir);
  }
};

if (isEntryPoint()) main();
