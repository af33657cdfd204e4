/**
 * Environment variable names, shared by the CDK stack (which sets them), the local runtime (which
 * sets them for in-process handlers) and the handlers (which read them through `readConfig`).
 */

export const ENV = {
  stage: 'QS_STAGE',
  timeZone: 'QS_TIME_ZONE',
  identifierPrefix: 'QS_IDENTIFIER_PREFIX',
  serviceName: 'POWERTOOLS_SERVICE_NAME',
  /** `iot` in the cloud, `local` in the local runtime: which DeviceProvisioner the functions use. */
  deviceProvisioner: 'QS_DEVICE_PROVISIONER',
  /** The IoT policy every meter certificate gets (cloud). */
  devicePolicy: 'QS_DEVICE_POLICY',
  /** The local broker's MQTT URL, handed out with local credentials. */
  mqttUrl: 'QS_MQTT_URL',
  /** Local runtime only: the demo meters' secrets file (devices.json), kept current on each issue. */
  localDevicesFile: 'QS_LOCAL_DEVICES_FILE',
  /** Optional: a meter is offline after this many expected intervals of silence (default 3). */
  meterOfflineSilenceFactor: 'QS_METER_OFFLINE_SILENCE_FACTOR',
  /**
   * Which verified token claims carry the user's groups, department and display name: Cognito's names
   * by default, set by the stack when another OIDC issuer signs the tokens (infra/settings.ts).
   */
  groupsClaim: 'QS_GROUPS_CLAIM',
  departmentClaim: 'QS_DEPARTMENT_CLAIM',
  usernameClaim: 'QS_USERNAME_CLAIM',
  /** Optional: days a suggestion reply's rating round stays open (default 15). */
  ratingRoundDays: 'QS_RATING_ROUND_DAYS',
} as const;

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
    throw new ConfigError(`missing environment variable ${name}`);
  }
  return value;
};

export const tableName = (table: string, env: NodeJS.ProcessEnv = process.env): string =>
  requireEnv(tableEnvVar(table), env);

export const bucketName = (bucket: string, env: NodeJS.ProcessEnv = process.env): string =>
  requireEnv(bucketEnvVar(bucket), env);

/** Calendar periods (rollup days, deadlines) are in the deployment's zone; see DESIGN.md §6. */
export const timeZone = (env: NodeJS.ProcessEnv = process.env): string =>
  env[ENV.timeZone] ?? 'Asia/Shanghai';

/** Days a rating round of a suggestion reply stays open; a whole number from 1 to 90. */
export const ratingRoundDays = (env: NodeJS.ProcessEnv = process.env): number => {
  const raw = env[ENV.ratingRoundDays];
  if (raw === undefined || raw === '') return 15;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new ConfigError(`${ENV.ratingRoundDays} must be a whole number of days from 1 to 90, not ${raw}`);
  }
  return days;
};

/** The claim names of the deployment's identity provider; Cognito's when nothing else is set. */
export const IDENTITY_CLAIM_DEFAULTS = {
  groups: 'cognito:groups',
  department: 'custom:department',
  username: 'cognito:username',
} as const;

export const identityClaims = (
  env: NodeJS.ProcessEnv = process.env,
): { groups: string; department: string; username: string } => ({
  groups: env[ENV.groupsClaim] || IDENTITY_CLAIM_DEFAULTS.groups,
  department: env[ENV.departmentClaim] || IDENTITY_CLAIM_DEFAULTS.department,
  username: env[ENV.usernameClaim] || IDENTITY_CLAIM_DEFAULTS.username,
});
