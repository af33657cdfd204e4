import { Duration, Fn } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { DEFAULTS } from '../manifest.ts';
import { parameterNames, stageName } from '../names.ts';
import type { DeploymentSettings } from '../settings.ts';
import { removalPolicyFor, toRetentionDays } from './house-function.ts';

export interface HttpApiCoreProps {
  settings: DeploymentSettings;
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
 * The HTTP API itself: its default stage with access logs and throttling, and the JWT authorizer that
 * trusts the deployment's issuer — the stage's Cognito pool (issuer and app clients read from SSM at
 * deploy time) or any OIDC issuer named in context. Routes are added by the context stacks, which find
 * the API and the authorizer through SSM parameters this construct writes.
 */
export class HttpApiCore extends Construct {
  public readonly httpApi: HttpApi;
  public readonly stage: HttpStage;
  public readonly authorizer: HttpAuthorizer;

  constructor(scope: Construct, id: string, props: HttpApiCoreProps) {
    super(scope, id);
    const { settings } = props;
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: stageName(settings.stage, 'api'),
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.corsOrigins ?? ['*'],
        allowMethods: [CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
        maxAge: Duration.hours(1),
      },
    });
    this.stage = this.createDefaultStage(settings);
    this.authorizer = this.createAuthorizer(settings);
    this.publish(settings);
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

  /** Made here, not by the first route that uses it, so its id exists for the context stacks. */
  private createAuthorizer(settings: DeploymentSettings): HttpAuthorizer {
    const { issuer, audience } = trustedIssuer(this, settings);
    return new HttpAuthorizer(this, 'JwtAuthorizer', {
      httpApi: this.httpApi,
      authorizerName: 'jwt',
      type: HttpAuthorizerType.JWT,
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: issuer,
      jwtAudience: audience,
    });
  }

  private publish(settings: DeploymentSettings): void {
    const names = parameterNames(settings.stage);
    const authorizerId = this.authorizer.authorizerId;
    new StringParameter(this, 'ApiIdParameter', {
      parameterName: names.httpApiId,
      stringValue: this.httpApi.apiId,
      description: 'HTTP API the context stacks add their routes to',
    });
    new StringParameter(this, 'AuthorizerIdParameter', {
      parameterName: names.authorizerId,
      stringValue: authorizerId,
      description: 'JWT authorizer of every non-public route',
    });
    new StringParameter(this, 'ApiUrlParameter', {
      parameterName: names.apiUrl,
      stringValue: this.url,
      description: 'Base URL of the HTTP API',
    });
  }
}

/** Cognito: what the stateful stack published; OIDC: what the context names, verbatim. */
const trustedIssuer = (
  scope: Construct,
  settings: DeploymentSettings,
): { issuer: string; audience: string[] } => {
  if (settings.identity.kind === 'oidc') {
    return { issuer: settings.identity.issuer, audience: settings.identity.audience };
  }
  const names = parameterNames(settings.stage);
  const audience = StringParameter.valueForStringParameter(scope, names.audience);
  return {
    issuer: StringParameter.valueForStringParameter(scope, names.issuer),
    // Two app clients (web, CLI), as the stateful stack writes them.
    audience: Fn.split(',', audience, 2),
  };
};
