import {
  DEFAULT_GRID_PROGRAMME,
  type GridProgrammeId,
  isGridProgrammeId,
} from '../domain/carbon/accounting/grid-programmes.ts';
import { DEFAULT_GWP_SET, type GwpSetId, isGwpSetId } from '../domain/carbon/accounting/gwp.ts';
import {
  type AccountingMethodId,
  DEFAULT_ACCOUNTING_METHOD,
  isAccountingMethodId,
} from '../domain/carbon/accounting/methods.ts';

/**
 * Environment variable names, shared by the CDK stack (which sets them), the local runtime (which
 * sets them for in-process handlers) and the handlers (which read them through `readConfig`).
 */

export const ENV = {
  stage: 'QS_STAGE',
  timeZone: 'QS_TIME_ZONE',
  identifierPrefix: 'QS_IDENTIFIER_PREFIX',
  /** Days raw readings and quarantine records are kept before DynamoDB's TTL removes them. */
  telemetryRetentionDays: 'QS_TELEMETRY_RETENTION_DAYS',
  serviceName: 'POWERTOOLS_SERVICE_NAME',
  /** `iot` in the cloud, `local` in the local runtime: which DeviceProvisioner the functions use. */
  deviceProvisioner: 'QS_DEVICE_PROVISIONER',
  /** The IoT policy every meter certificate gets (cloud). */
  devicePolicy: 'QS_DEVICE_POLICY',
  /** The local broker's MQTT URL, handed out with local credentials. */
  mqttUrl: 'QS_MQTT_URL',
  /** Local runtime only: the demo meters' secrets file (devices.json), kept current on each issue. */
  localDevicesFile: 'QS_LOCAL_DEVICES_FILE',
  /** Whose user directory the API may write: `cognito`, `local`, or absent (an external OIDC issuer). */
  userDirectory: 'QS_USER_DIRECTORY',
  /** The Cognito user pool of `userDirectory=cognito`. */
  userPoolId: 'QS_USER_POOL_ID',
  /** Local runtime only: the local issuer's users (users-directory.json), read at each sign-in. */
  localUsersFile: 'QS_LOCAL_USERS_FILE',
  /** Optional: a meter is offline after this many expected intervals of silence (default 3). */
  meterOfflineSilenceFactor: 'QS_METER_OFFLINE_SILENCE_FACTOR',
  /**
   * Which verified token claims carry the user's groups, department and display name: Cognito's names
   * by default, set by the stack when another OIDC issuer signs the tokens (infra/settings.ts).
   */
  groupsClaim: 'QS_GROUPS_CLAIM',
  departmentClaim: 'QS_DEPARTMENT_CLAIM',
  /** The claim naming an enterprise account's enterprise (default `custom:enterprise`). */
  enterpriseClaim: 'QS_ENTERPRISE_CLAIM',
  usernameClaim: 'QS_USERNAME_CLAIM',
  /** Optional: days a suggestion reply's rating round stays open (default 15). */
  ratingRoundDays: 'QS_RATING_ROUND_DAYS',
  /** Optional: the GWP set figures are computed with, AR2/AR4/AR5/AR6 (default AR5; docs/accounting.md). */
  gwpSet: 'QS_GWP_SET',
  /** Optional: the grid factor programme of enterprises that chose none (default mee-nbs-regional). */
  factorProgramme: 'QS_FACTOR_PROGRAMME',
  /** Optional: the accounting method, gbt-32150 or ipcc-2006 (default gbt-32150). */
  accountingMethod: 'QS_ACCOUNTING_METHOD',

  /** Optional: working days a case's rework may take from the send-back (default: its category's period). */
  reworkWorkingDays: 'QS_REWORK_WORKING_DAYS',
} as const;

/**
 * The industrial-internet Handle prefix (`88.118.8/meter.MTR-0001`) of a deployment that sets none:
 * the stacks default to it (infra/manifest.ts, DEFAULTS) and handlers fall back to it.
 */
export const DEFAULT_IDENTIFIER_PREFIX = '88.118.8';

/** `telemetry` → `QS_TABLE_TELEMETRY`: one variable per table a function may touch. */
export const tableEnvVar = (table: string): string => `QS_TABLE_${toEnvCase(table)}`;

/** `deadLetter` → `QS_BUCKET_DEAD_LETTER`. */
export const bucketEnvVar = (bucket: string): string => `QS_BUCKET_${toEnvCase(bucket)}`;

const toEnvCase = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads one variable and fails loudly when it is missing: a misconfigured function must not limp on. */
export const requireEnv = (name: string, env: NodeJS.ProcessEnv = process.env): string => {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new ConfigError(`缺少环境变量 ${name} (missing environment variable ${name})`);
  }
  return value;
};

export const tableName = (table: string, env: NodeJS.ProcessEnv = process.env): string =>
  requireEnv(tableEnvVar(table), env);

export const bucketName = (bucket: string, env: NodeJS.ProcessEnv = process.env): string =>
  requireEnv(bucketEnvVar(bucket), env);

/** Calendar periods (rollup days, deadlines) are in the deployment's zone; see docs/architecture.md, Principles. */
export const timeZone = (env: NodeJS.ProcessEnv = process.env): string =>
  env[ENV.timeZone] ?? 'Asia/Shanghai';

/** Days a rating round of a suggestion reply stays open; a whole number from 1 to 90. */
export const ratingRoundDays = (env: NodeJS.ProcessEnv = process.env): number => {
  const raw = env[ENV.ratingRoundDays];
  if (raw === undefined || raw === '') return 15;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new ConfigError(
      `${ENV.ratingRoundDays} 须为 1 到 90 的整数天数，不能是 ${raw} (must be a whole number of days from 1 to 90, not ${raw})`,
    );
  }
  return days;
};

/** An optional variable that must be one of a closed list when set; a typo fails loudly. */
const oneOf = <T extends string>(
  name: string,
  isValid: (value: unknown) => value is T,
  fallback: T,
  env: NodeJS.ProcessEnv,
): T => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!isValid(raw))
    throw new ConfigError(`${name} 的取值 ${raw} 无法识别 (${name} has an unknown value ${raw})`);
  return raw;
};

/** The deployment's GWP set (every figure names the set it used). */
export const gwpSetId = (env: NodeJS.ProcessEnv = process.env): GwpSetId =>
  oneOf(ENV.gwpSet, isGwpSetId, DEFAULT_GWP_SET, env);

/** The deployment's grid factor programme, for enterprises that chose none. */
export const factorProgramme = (env: NodeJS.ProcessEnv = process.env): GridProgrammeId =>
  oneOf(ENV.factorProgramme, isGridProgrammeId, DEFAULT_GRID_PROGRAMME, env);

/** The deployment's accounting method. */
export const accountingMethod = (env: NodeJS.ProcessEnv = process.env): AccountingMethodId =>
  oneOf(ENV.accountingMethod, isAccountingMethodId, DEFAULT_ACCOUNTING_METHOD, env);

/** Working days a rework may take, a whole number from 1 to 60; undefined: the category's period. */
export const reworkWorkingDays = (env: NodeJS.ProcessEnv = process.env): number | undefined => {
  const raw = env[ENV.reworkWorkingDays];
  if (raw === undefined || raw === '') return undefined;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 60) {
    throw new ConfigError(
      `${ENV.reworkWorkingDays} 须为 1 到 60 的整数工作日，不能是 ${raw} ` +
        `(must be a whole number of working days from 1 to 60, not ${raw})`,
    );
  }
  return days;
};

/** The claim names of the deployment's identity provider; Cognito's when nothing else is set. */
export const IDENTITY_CLAIM_DEFAULTS = {
  groups: 'cognito:groups',
  department: 'custom:department',
  enterprise: 'custom:enterprise',
  username: 'cognito:username',
} as const;

export const identityClaims = (
  env: NodeJS.ProcessEnv = process.env,
): { groups: string; department: string; enterprise: string; username: string } => ({
  groups: env[ENV.groupsClaim] || IDENTITY_CLAIM_DEFAULTS.groups,
  department: env[ENV.departmentClaim] || IDENTITY_CLAIM_DEFAULTS.department,
  enterprise: env[ENV.enterpriseClaim] || IDENTITY_CLAIM_DEFAULTS.enterprise,
  username: env[ENV.usernameClaim] || IDENTITY_CLAIM_DEFAULTS.username,
});
