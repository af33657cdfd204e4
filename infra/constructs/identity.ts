import { Aws, CfnOutput, Duration } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { ENTERPRISE_GROUP, ROLES } from '../../shared/domain/roles.ts';
import { parameterNames, stageName } from '../names.ts';
import type { CognitoIdentity, CognitoPlan, DeploymentSettings } from '../settings.ts';
import { callbackUrlsOf, logoutUrlsOf } from '../web-settings.ts';
import { removalPolicyFor } from './house-function.ts';
import { acknowledge } from './nag-suppressions.ts';

export interface IdentityProps {
  settings: DeploymentSettings;
  cognito: CognitoIdentity;
  /** Where the hosted web app is served from (`https://…`): its shells' callback and logout URLs are added. */
  webOrigin?: string;
}

const FEATURE_PLANS: Record<CognitoPlan, FeaturePlan> = {
  lite: FeaturePlan.LITE,
  essentials: FeaturePlan.ESSENTIALS,
  plus: FeaturePlan.PLUS,
};

/**
 * The Cognito user pool, where Cognito exists (not in the AWS China regions; identity=oidc there). Users
 * are created by administrators (`npm run users`), one group per role, the department in
 * `custom:department`. Two app clients: the web client (authorization code with PKCE through the hosted
 * sign-in domain) and a CLI client for `npm run smoke` (user-password auth over TLS). The HTTP API learns
 * the issuer and audiences from SSM parameters, so it never holds a reference to this stack.
 */
export class Identity extends Construct {
  public readonly userPool: UserPool;
  public readonly webClient: UserPoolClient;
  public readonly cliClient: UserPoolClient;
  public readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const { settings, cognito } = props;
    this.userPool = createUserPool(this, settings, cognito.plan);
    this.domain = this.userPool.addDomain('SignInDomain', {
      cognitoDomain: { domainPrefix: cognito.domainPrefix ?? `qingshan-${settings.stage}-${Aws.ACCOUNT_ID}` },
    });
    this.webClient = this.addWebClient(withWebOrigin(cognito, props.webOrigin));
    this.cliClient = this.userPool.addClient('CliClient', {
      userPoolClientName: stageName(settings.stage, 'cli'),
      authFlows: { userPassword: true },
      generateSecret: false,
      disableOAuth: true,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.hours(1),
    });
    this.publish(settings);
  }

  /** No client secret (a browser cannot keep one): the code flow is protected by PKCE instead. */
  private addWebClient(cognito: CognitoIdentity): UserPoolClient {
    const withOAuth = cognito.callbackUrls.length > 0;
    return this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, fullname: true })
        .withCustomAttributes('department', 'enterprise'),
      // The department decides what a handler may see, so only an administrator may change it.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
      // Without callback URLs (production before the web client exists) there is no OAuth at all,
      // rather than CDK's placeholder callback.
      ...(withOAuth
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
              scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
              callbackUrls: cognito.callbackUrls,
              ...(cognito.logoutUrls.length > 0 ? { logoutUrls: cognito.logoutUrls } : {}),
            },
          }
        : { disableOAuth: true }),
    });
  }

  private publish(settings: DeploymentSettings): void {
    const names = parameterNames(settings.stage);
    const parameter = (id: string, parameterName: string, stringValue: string, description: string) =>
      new StringParameter(this, id, { parameterName, stringValue, description });
    // ProviderURL is `cognito-idp.<region>.amazonaws.com/<pool id>`; tokens' iss adds the scheme.
    const issuer = `https://${this.userPool.userPoolProviderUrl}`;
    parameter('IssuerParameter', names.issuer, issuer, 'JWT issuer of the API');
    parameter(
      'AudienceParameter',
      names.audience,
      `${this.webClient.userPoolClientId},${this.cliClient.userPoolClientId}`,
      'App clients whose tokens the API accepts',
    );
    parameter(
      'WebClientIdParameter',
      names.webClientId,
      this.webClient.userPoolClientId,
      'App client of the web app',
    );
    parameter(
      'SignInUrlParameter',
      names.signInUrl,
      this.domain.baseUrl(),
      'Hosted sign-in of the web client',
    );
    parameter(
      'UserPoolIdParameter',
      names.userPoolId,
      this.userPool.userPoolId,
      'User pool of npm run users',
    );
    new CfnOutput(this, 'UserPoolId', { key: 'UserPoolId', value: this.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { key: 'UserPoolClientId', value: this.webClient.userPoolClientId });
    new CfnOutput(this, 'CliClientId', {
      key: 'CliClientId',
      value: this.cliClient.userPoolClientId,
      description: 'App client for npm run smoke (user-password sign-in)',
    });
    new CfnOutput(this, 'SignInDomain', {
      key: 'SignInUrl',
      value: this.domain.baseUrl(),
      description: 'Hosted sign-in (authorization code + PKCE) of the web client',
    });
  }
}

/** The hosted app's shells sign in and out through the same client as the URLs from context. */
const withWebOrigin = (cognito: CognitoIdentity, origin: string | undefined): CognitoIdentity =>
  origin === undefined
    ? cognito
    : {
        ...cognito,
        callbackUrls: [...callbackUrlsOf(origin), ...cognito.callbackUrls],
        logoutUrls: [...logoutUrlsOf(origin), ...cognito.logoutUrls],
      };

const createUserPool = (scope: Construct, settings: DeploymentSettings, plan: CognitoPlan): UserPool => {
  const pool = new UserPool(scope, 'UserPool', {
    userPoolName: stageName(settings.stage, 'users'),
    // Accounts are created by administrators for deputies and staff; nobody signs themselves up.
    selfSignUpEnabled: false,
    signInAliases: { username: true, email: true },
    standardAttributes: {
      email: { required: true, mutable: true },
      fullname: { required: false, mutable: true },
    },
    customAttributes: {
      department: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      enterprise: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
    },
    passwordPolicy: {
      minLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
      tempPasswordValidity: Duration.days(3),
    },
    mfa: Mfa.OPTIONAL,
    mfaSecondFactor: { otp: true, sms: false },
    accountRecovery: AccountRecovery.EMAIL_ONLY,
    featurePlan: FEATURE_PLANS[plan],
    // Threat protection is a Plus feature; on the other plans it must stay off.
    ...(plan === 'plus' ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
    deletionProtection: settings.stage === 'prod',
    removalPolicy: removalPolicyFor(settings),
  });
  for (const role of ROLES)
    pool.addGroup(`${role}Group`, { groupName: role, description: `Qingshan role ${role}` });
  // Enterprise accounts: import their own enterprise's data (custom:enterprise names it).
  pool.addGroup('enterpriseGroup', {
    groupName: ENTERPRISE_GROUP,
    description: 'Qingshan enterprise accounts',
  });
  acknowledge(
    pool,
    'COG2',
    'MFA is optional by decision: deputies sign in from personal phones; TOTP is offered to everyone, and -c cognitoPlan=plus adds adaptive threat protection.',
  );
  if (plan !== 'plus') {
    const reason =
      'Threat protection (advanced security) needs the Plus plan, which costs more per monthly active user; it is a context option (-c cognitoPlan=plus), off by default (docs/deploying.md "Cost").';
    acknowledge(pool, 'COG3', reason);
    acknowledge(pool, 'COG8', reason);
  }
  return pool;
};
