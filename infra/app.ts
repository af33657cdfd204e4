/**
 * CDK entry (`cdk synth`, `cdk deploy`). Context: `stage` (default `dev`), `timeZone`, `identifierPrefix`,
 * `alarmEmail`, `corsOrigins` (comma-separated), `skipBundling=true` (synth without running esbuild: the
 * CLI refuses `-c aws:cdk:bundling-stacks=[]` from users). Every synth runs the cdk-nag AwsSolutions
 * pack; findings that are not fixed are acknowledged next to their resource with a written reason.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { App, type AppProps, cx_api as cxapi, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { DeploymentSettings } from './constructs/house-function.ts';
import { DEFAULTS } from './manifest.ts';
import { QingshanStack } from './stacks/qingshan-stack.ts';

const STAGE_PATTERN = /^[a-z][a-z0-9-]{0,15}$/;

/** Reads the deployment settings from context, failing loudly on a stage name AWS names cannot carry. */
export const readSettings = (app: App): DeploymentSettings => {
  const stage = stringContext(app, 'stage') ?? 'dev';
  if (!STAGE_PATTERN.test(stage)) throw new Error(`stage "${stage}" must match ${STAGE_PATTERN}`);
  return {
    stage,
    timeZone: stringContext(app, 'timeZone') ?? DEFAULTS.timeZone,
    identifierPrefix: stringContext(app, 'identifierPrefix') ?? DEFAULTS.identifierPrefix,
    alarmEmail: stringContext(app, 'alarmEmail'),
  };
};

/** Builds the app and its one stack, with the AwsSolutions checks registered. Does not synthesize. */
export const createApp = (props: AppProps = {}): { app: App; stack: QingshanStack } => {
  const app = new App(props);
  if (booleanContext(app, 'skipBundling')) app.node.setContext(cxapi.BUNDLING_STACKS, []);
  const settings = readSettings(app);
  const corsOrigins = stringContext(app, 'corsOrigins')
    ?.split(',')
    .map((origin) => origin.trim());
  const stack = new QingshanStack(app, `Qingshan-${settings.stage}`, {
    settings,
    description: `Qingshan ${settings.stage}: carbon monitoring and environmental supervision`,
    ...(corsOrigins === undefined ? {} : { corsOrigins }),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
};

const stringContext = (app: App, key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const booleanContext = (app: App, key: string): boolean => {
  const value: unknown = app.node.tryGetContext(key);
  return value === true || value === 'true';
};

const isEntryPoint = (): boolean => {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(realpathSync(script)).href;
};

if (isEntryPoint()) createApp().app.synth();
