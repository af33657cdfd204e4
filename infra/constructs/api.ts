import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRoute,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { isPublicRoute, type RouteContract, routeKey } from '../../shared/contracts/route.ts';
import { ROLES } from '../../shared/domain/roles.ts';
import { DEFAULTS, type FunctionSpec, httpRoutes } from '../manifest.ts';
import {
  type DataResources,
  type DeploymentSettings,
  HouseFunction,
  removalPolicyFor,
  toRetentionDays,
} from './house-function.ts';
import { acknowledge, acknowledgePublicRoute } from './nag-suppressions.ts';

export interface ApiProps {
  settings: DeploymentSettings;
  data: DataResources;
  /** Browser origins allowed to call the API; bearer tokens, not cookies, so `*` is safe by default. */
  corsOrigins?: string[];
}

/** Steady-state and burst limits of the default stage, per account and region of the API. */
const THROTTLE = { rateLimit: 50, burstLimit: 100 };

/** One JSON line per request: enough to follow a complaint back to a request id and a user. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latency: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
  userSub: '$context.authorizer.claims.sub',
};

/**
 * The HTTP API: one route per manifest route, Lambda proxy integrations (payload 2.0), and a Cognito
 * JWT authorizer on every route that is not public. Roles are checked per object by the handlers.
 */
export class Api extends Construct {
  public readonly httpApi: HttpApi;
  public readonly stage: HttpStage;
  public readonly userPool: UserPool;
  public readonly userPoolClient: UserPoolClient;
  public readonly functions: Record<string, HouseFunction> = {};
  /** Route constructs keyed by API Gateway route key (`GET /health`). */
  public readonly routes: Readonly<Record<string, HttpRoute>>;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.userPool = createUserPool(this, props.settings);
    this.userPoolClient = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, fullname: true })
        .withCustomAttributes('department'),
      // The department decides what a handler may see, so only an administrator may change it.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `qingshan-${props.settings.stage}`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.corsOrigins ?? ['*'],
        allowMethods: [CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
        maxAge: Duration.hours(1),
      },
    });
    this.stage = this.createDefaultStage(props.settings);
    this.routes = this.addManifestRoutes(props);
  }

  /** The invoke URL of the default stage. */
  public get url(): string {
    return this.stage.url;
  }

  private createDefaultStage(settings: DeploymentSettings): HttpStage {
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: toRetentionDays(DEFAULTS.logRetentionDays),
      removalPolicy: removalPolicyFor(settings),
    });
    return new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }

  private addManifestRoutes(props: ApiProps): Record<string, HttpRoute> {
    const region = Stack.of(this).region;
    const issuer = `https://cognito-idp.${region}.amazonaws.com/${this.userPool.userPoolId}`;
    const jwt = new HttpJwtAuthorizer('CognitoJwt', issuer, {
      jwtAudience: [this.userPoolClient.userPoolClientId],
    });
    const integrations = new Map<string, HttpLambdaIntegration>();
    const routes: Record<string, HttpRoute> = {};
    for (const { fn: spec, route } of httpRoutes()) {
      const integration = integrations.get(spec.id) ?? this.createIntegration(spec, props);
      integrations.set(spec.id, integration);
      routes[routeKey(route)] = this.addRoute(route, integration, jwt);
    }
    return routes;
  }

  private createIntegration(spec: FunctionSpec, props: ApiProps): HttpLambdaIntegration {
    const fn = new HouseFunction(this, spec.id, { spec, settings: props.settings, data: props.data });
    this.functions[spec.id] = fn;
    return new HttpLambdaIntegration(`${spec.id}Integration`, fn.fn, {
      payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
    });
  }

  private addRoute(
    route: RouteContract,
    integration: HttpLambdaIntegration,
    jwt: HttpJwtAuthorizer,
  ): HttpRoute {
    const isPublic = isPublicRoute(route);
    const [httpRoute] = this.httpApi.addRoutes({
      path: route.path,
      methods: [HttpMethod[route.method]],
      integration,
      authorizer: isPublic ? new HttpNoneAuthorizer() : jwt,
    });
    if (httpRoute === undefined) throw new Error(`no route created for ${routeKey(route)}`);
    if (isPublic) acknowledgePublicRoute(httpRoute, `${routeKey(route)} (${route.summary})`);
    return httpRoute;
  }
}

const createUserPool = (scope: Construct, settings: DeploymentSettings): UserPool => {
  const pool = new UserPool(scope, 'UserPool', {
    userPoolName: `qingshan-${settings.stage}`,
    // Accounts are created by administrators for deputies and staff; nobody signs themselves up.
    selfSignUpEnabled: false,
    signInAliases: { username: true, email: true },
    standardAttributes: {
      email: { required: true, mutable: true },
      fullname: { required: false, mutable: true },
    },
    customAttributes: { department: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
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
    featurePlan: FeaturePlan.PLUS,
    standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
    deletionProtection: settings.stage === 'prod',
    removalPolicy: removalPolicyFor(settings),
  });
  for (const role of ROLES)
    pool.addGroup(`${role}Group`, { groupName: role, description: `Qingshan role ${role}` });
  acknowledge(
    pool,
    'COG2',
    'MFA is optional by decision: deputies sign in from personal phones; TOTP is offered and threat protection (Plus plan) adds adaptive challenges.',
  );
  return pool;
};
