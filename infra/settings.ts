/**
 * Deployment settings, read once from CDK context (`-c key=value` or cdk.json) and handed to every stack.
 * Nothing here resolves at deploy time: a bad combination fails the synth with a sentence saying why.
 */
import type { App } from 'aws-cdk-lib';
import { IDENTITY_CLAIM_DEFAULTS } from '../shared/config/env.ts';
import { DEFAULTS } from './manifest.ts';
import {
  callbackUrlsOf,
  DEV_SERVER_ORIGIN,
  logoutUrlsOf,
  readWebSettings,
  type WebSettings,
} from './web-settings.ts';

/** Cognito's feature plans (Lite, Essentials, Plus); Plus adds threat protection at a higher price. */
export type CognitoPlan = 'lite' | 'essentials' | 'plus';

export interface CognitoIdentity {
  kind: 'cognito';
  plan: CognitoPlan;
  /**
   * Where the hosted sign-in may send a browser back with its code, besides the hosted web app's own
   * URLs (added by the stateful stack); none and no hosting: no OAuth flows.
   */
  callbackUrls: string[];
  logoutUrls: string[];
  /** `<prefix>.auth.<region>.amazoncognito.com`: unique per region; default `qingshan-<stage>-<account>`. */
  domainPrefix?: string;
}

/** Any OpenID Connect issuer the HTTP API's JWT authorizer can reach (Keycloak, Authing, a government IdP). */
export interface OidcIdentity {
  kind: 'oidc';
  issuer: string;
  audience: string[];
}

/** Which verified claims carry a user's groups (roles), department, enterprise and display name. */
export interface ClaimNames {
  groups: string;
  department: string;
  /** An enterprise account's enterprise (docs/imports.md, "Who may import"). */
  enterprise: string;
  username: string;
}

/** Where notifications go beyond the inbox (docs/notifications.md). */
export interface NotificationSettings {
  /**
   * Links in messages: `{appBaseUrl}/app/…` for deputies, `/console/…` for staff. Absent: the web
   * hosting's address when the stage hosts the app, else the dev server outside prod and relative in
   * prod (infra/constructs/notification-delivery.ts `linkBase`).
   */
  appBaseUrl?: string;
  /** User ids (`sub`) of the district leaders, told of level-3 escalations. */
  districtLeaderIds: string[];
  /** A verified SES identity to send from; absent: no email. */
  emailFrom?: string;
  /** SMS through SNS (not offered in the China regions). */
  sms: boolean;
  smsSenderId?: string;
  ecologyDepartmentId: string;
}

export interface DeploymentSettings {
  stage: string;
  timeZone: string;
  identifierPrefix: string;
  /** `-c telemetryRetentionDays=…`: raw readings and quarantine are kept this long (default 800). */
  telemetryRetentionDays: number;
  /** Where operational alarms are mailed; without it they reach only the topic's other subscribers. */
  alarmEmail?: string;
  identity: CognitoIdentity | OidcIdentity;
  claims: ClaimNames;
  /** X-Ray active tracing of the functions; off where Lambda has no X-Ray integration (China regions). */
  tracing: boolean;
  /** Pinned account and region (`-c account=… -c region=…`); absent: environment-agnostic templates. */
  account?: string;
  region?: string;
  notifications: NotificationSettings;
  /** The web app's hosting; absent: none (`-c web=false`, or a China region without an ICP-filed domain). */
  web?: WebSettings;
}

/**
 * Stage names end up in every physical name: functions (64 characters), buckets (63, with the account
 * and region), IoT rules (no `-`, replaced by `_`). Twelve characters keep all of them within limits.
 */
export const STAGE_PATTERN = /^[a-z][a-z0-9-]{0,11}$/;
const CHINA_REGION = /^cn-/;
/** Where `npm run dev:web` signs in back to, each shell; used by non-production stages only. */
export const LOCAL_CALLBACK_URLS = callbackUrlsOf(DEV_SERVER_ORIGIN);
export const LOCAL_LOGOUT_URLS = logoutUrlsOf(DEV_SERVER_ORIGIN);
/** The web client's local origin: where notification links point on non-production stages by default. */
export const LOCAL_APP_URL = DEV_SERVER_ORIGIN;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Reads the deployment settings from context, failing loudly on values AWS would refuse later. */
export const readSettings = (app: App): DeploymentSettings => {
  const context = (key: string) => stringContext(app, key);
  const stage = context('stage') ?? 'dev';
  if (!STAGE_PATTERN.test(stage)) throw new SettingsError(`stage "${stage}" must match ${STAGE_PATTERN}`);
  const region = context('region');
  const account = context('account');
  const web = readWebSettings(context, region !== undefined && CHINA_REGION.test(region));
  return {
    stage,
    timeZone: context('timeZone') ?? DEFAULTS.timeZone,
    identifierPrefix: context('identifierPrefix') ?? DEFAULTS.identifierPrefix,
    telemetryRetentionDays: readRetentionDays(context('telemetryRetentionDays')),
    ...optional('alarmEmail', context('alarmEmail')),
    ...optional('region', region),
    ...optional('account', account),
    identity: readIdentity(context, stage, region),
    ...optional('web', web),
    tracing: readTracing(context('tracing'), region),
    claims: {
      groups: context('groupsClaim') ?? IDENTITY_CLAIM_DEFAULTS.groups,
      department: context('departmentClaim') ?? IDENTITY_CLAIM_DEFAULTS.department,
      enterprise: context('enterpriseClaim') ?? IDENTITY_CLAIM_DEFAULTS.enterprise,
      username: context('usernameClaim') ?? IDENTITY_CLAIM_DEFAULTS.username,
    },
    notifications: readNotifications(context, region),
  };
};

/** `-c appBaseUrl=https://… -c districtLeaders=<sub>,… -c notificationEmailFrom=… -c notificationSms=true`. */
const readNotifications = (
  context: (key: string) => string | undefined,
  region: string | undefined,
): NotificationSettings => {
  const appBaseUrl = context('appBaseUrl');
  if (appBaseUrl !== undefined && appBaseUrl !== '' && !/^https?:\/\//.test(appBaseUrl)) {
    throw new SettingsError(`appBaseUrl must be an http(s) URL, not "${appBaseUrl}"`);
  }
  const sms = context('notificationSms') === 'true';
  if (sms && region !== undefined && CHINA_REGION.test(region)) {
    throw new SettingsError(
      `Amazon SNS does not send SMS in ${region} (AWS China): leave notificationSms off and use another SMS adapter`,
    );
  }
  const emailFrom = context('notificationEmailFrom');
  const smsSenderId = context('smsSenderId');
  return {
    ...optional('appBaseUrl', appBaseUrl),
    districtLeaderIds: listContext(context('districtLeaders')) ?? [],
    ...optional('emailFrom', emailFrom),
    sms,
    ...optional('smsSenderId', smsSenderId),
    ecologyDepartmentId: context('ecologyDepartmentId') ?? 'dept-ecology',
  };
};

const readIdentity = (
  context: (key: string) => string | undefined,
  stage: string,
  region: string | undefined,
): CognitoIdentity | OidcIdentity => {
  const inChina = region !== undefined && CHINA_REGION.test(region);
  const kind = context('identity') ?? (inChina ? 'oidc' : 'cognito');
  if (kind === 'oidc') return readOidc(context);
  if (kind !== 'cognito') throw new SettingsError(`identity must be cognito or oidc, not "${kind}"`);
  if (inChina) {
    throw new SettingsError(
      `Cognito user pools are not offered in ${region} (AWS China): deploy with -c identity=oidc -c oidcIssuer=https://… -c oidcAudience=<client id>`,
    );
  }
  const plan = context('cognitoPlan') ?? 'essentials';
  if (plan !== 'lite' && plan !== 'essentials' && plan !== 'plus') {
    throw new SettingsError(`cognitoPlan must be lite, essentials or plus, not "${plan}"`);
  }
  const callbackUrls = listContext(context('callbackUrls'));
  const domainPrefix = context('authDomainPrefix');
  return {
    kind: 'cognito',
    plan,
    // Production gets only the URLs it is given; other stages fall back to the local web client.
    callbackUrls: callbackUrls ?? (stage === 'prod' ? [] : LOCAL_CALLBACK_URLS),
    logoutUrls:
      listContext(context('logoutUrls')) ?? (stage === 'prod' || callbackUrls ? [] : LOCAL_LOGOUT_URLS),
    ...optional('domainPrefix', domainPrefix),
  };
};

/** `-c tracing=false` turns it off; in a China region it is off unless asked for (and then refused). */
/** A whole number of days, at least a reporting year: shorter would drop readings the reports still trace. */
const readRetentionDays = (value: string | undefined): number => {
  if (value === undefined) return DEFAULTS.telemetryRetentionDays;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 400) {
    throw new SettingsError(
      `telemetryRetentionDays must be a whole number of days, at least 400 (a reporting year and its audit), not "${value}"`,
    );
  }
  return days;
};

const readTracing = (value: string | undefined, region: string | undefined): boolean => {
  const inChina = region !== undefined && CHINA_REGION.test(region);
  if (value === undefined) return !inChina;
  if (value !== 'true' && value !== 'false')
    throw new SettingsError(`tracing must be true or false, not "${value}"`);
  if (value === 'true' && inChina) {
    throw new SettingsError(
      `Lambda's X-Ray integration is not available in ${region} (AWS China): leave tracing off`,
    );
  }
  return value === 'true';
};

const readOidc = (context: (key: string) => string | undefined): OidcIdentity => {
  const issuer = context('oidcIssuer');
  const audience = listContext(context('oidcAudience'));
  if (issuer === undefined || !issuer.startsWith('https://')) {
    throw new SettingsError('identity=oidc needs -c oidcIssuer=https://… (the issuer URL, as in its tokens)');
  }
  if (audience === undefined) {
    throw new SettingsError(
      'identity=oidc needs -c oidcAudience=<client id>[,<client id>…] (the tokens’ aud)',
    );
  }
  // Kept exactly as given: the authorizer compares it with the tokens' iss, trailing slash and all.
  return { kind: 'oidc', issuer, audience };
};

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

export const stringContext = (app: App, key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export const booleanContext = (app: App, key: string): boolean => {
  const value: unknown = app.node.tryGetContext(key);
  return value === true || value === 'true';
};

const listContext = (value: string | undefined): string[] | undefined => {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items === undefined || items.length === 0 ? undefined : items;
};

/** Production data, keys and logs survive a stack deletion; other stages clean up after themselves. */
export const isProduction = (settings: Pick<DeploymentSettings, 'stage'>): boolean =>
  settings.stage === 'prod';
