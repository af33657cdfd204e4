/**
 * Physical names, one place. The stacks find each other's resources by these stable, per-stage names
 * (tables, buckets, functions, queues, the alarm topic, the meter policy) and by SSM parameters for the
 * ids AWS generates (user pool and clients, HTTP API, authorizer): no CloudFormation exports, so no
 * stack blocks another's update or deletion (README "Deploying": stacks).
 */
import { Aws } from 'aws-cdk-lib';

/** `qingshan-<stage>-<id>`: function, table, queue, topic, schedule and policy names of a stage. */
export const stageName = (stage: string, id: string): string => `qingshan-${stage}-${id}`;

export const tableName = (stage: string, tableId: string): string => stageName(stage, tableId);

/** `deadLetter` → `dead-letter`: bucket names are lower case. */
const kebab = (id: string): string => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Bucket names are global, so they carry the account and region too (deploy-time values unless the
 * app pins them): `qingshan-<stage>-<bucket>-<account>-<region>`, at most 63 characters with a
 * 12-character stage, the longest bucket id and a 14-character region.
 */
export const bucketName = (stage: string, bucketId: string): string =>
  `qingshan-${stage}-${kebab(bucketId)}-${Aws.ACCOUNT_ID}-${Aws.REGION}`;

export const functionName = (stage: string, functionId: string): string => stageName(stage, functionId);

export const alarmTopicName = (stage: string): string => stageName(stage, 'ops-alarms');

export const meterPolicyName = (stage: string): string => stageName(stage, 'meter');

/** Powertools Metrics namespace of the business figures (EMF), read by the dashboard. */
export const METRICS_NAMESPACE = 'Qingshan';

/** SSM parameters through which stacks hand each other generated ids; read at deploy time. */
export const parameterNames = (stage: string) => {
  const root = `/qingshan/${stage}`;
  return {
    /** The JWT issuer the HTTP API trusts (Cognito pool URL); an OIDC issuer comes from context instead. */
    issuer: `${root}/identity/issuer`,
    /** The app clients whose tokens the API accepts, comma-separated. */
    audience: `${root}/identity/audience`,
    userPoolId: `${root}/identity/user-pool-id`,
    /** The app client the web app signs in with (authorization code + PKCE). */
    webClientId: `${root}/identity/web-client-id`,
    /** The hosted sign-in domain's base URL (`https://<prefix>.auth.<region>.amazoncognito.com`). */
    signInUrl: `${root}/identity/sign-in-url`,
    httpApiId: `${root}/api/id`,
    authorizerId: `${root}/api/authorizer-id`,
    apiUrl: `${root}/api/url`,
    webDistributionId: `${root}/web/distribution-id`,
    /** `https://<domain>` the web app is served from. */
    webOrigin: `${root}/web/origin`,
    /** The web app's config.json, as the web stack resolved it. */
    webConfig: `${root}/web/config`,
  };
};
