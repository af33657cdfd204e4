import {
  HttpApi,
  HttpAuthorizer,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type IHttpApi,
  type IHttpRouteAuthorizer,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { isPublicRoute, type RouteContract, routeKey } from '../../shared/contracts/route.ts';
import type { FunctionSpec, HttpTrigger } from '../manifest.ts';
import { parameterNames } from '../names.ts';
import type { DeploymentSettings } from '../settings.ts';
import { type DataResources, HouseFunction } from './house-function.ts';
import { acknowledgePublicRoute } from './nag-suppressions.ts';

export interface RoutesProps {
  settings: DeploymentSettings;
  data: DataResources;
  /** The context's functions with an HTTP trigger. */
  specs: readonly (FunctionSpec & { trigger: HttpTrigger })[];
}

/**
 * A context's HTTP functions and their routes, added to the stage's one HTTP API (made by the API
 * stack, found through SSM): one Lambda proxy integration (payload 2.0) per function, the JWT
 * authorizer on every route that is not public. Roles are checked per object by the handlers.
 */
export class Routes extends Construct {
  public readonly functions: Record<string, HouseFunction> = {};
  /** Route constructs keyed by API Gateway route key (`GET /health`). */
  public readonly routes: Record<string, HttpRoute> = {};

  constructor(scope: Construct, id: string, props: RoutesProps) {
    super(scope, id);
    if (props.specs.length === 0) return;
    const names = parameterNames(props.settings.stage);
    const httpApi = HttpApi.fromHttpApiAttributes(this, 'HttpApi', {
      httpApiId: StringParameter.valueForStringParameter(this, names.httpApiId),
    });
    // Only a context with a protected route reads the authorizer's id (an unused parameter is refused).
    const needsJwt = props.specs.some((spec) => spec.trigger.routes.some((route) => !isPublicRoute(route)));
    const jwt = needsJwt
      ? HttpAuthorizer.fromHttpAuthorizerAttributes(this, 'Jwt', {
          authorizerId: StringParameter.valueForStringParameter(this, names.authorizerId),
          authorizerType: 'JWT',
        })
      : new HttpNoneAuthorizer();
    for (const spec of props.specs) {
      const fn = new HouseFunction(this, spec.id, { spec, settings: props.settings, data: props.data });
      this.functions[spec.id] = fn;
      const integration = new HttpLambdaIntegration(`${spec.id}Integration`, fn.fn, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      });
      for (const route of spec.trigger.routes) {
        this.routes[routeKey(route)] = this.addRoute(httpApi, route, integration, jwt);
      }
    }
  }

  private addRoute(
    httpApi: IHttpApi,
    route: RouteContract,
    integration: HttpLambdaIntegration,
    jwt: IHttpRouteAuthorizer,
  ): HttpRoute {
    const isPublic = isPublicRoute(route);
    const httpRoute = new HttpRoute(this, `${route.method}${route.path}`, {
      httpApi,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration,
      authorizer: isPublic ? new HttpNoneAuthorizer() : jwt,
    });
    if (isPublic) {
      acknowledgePublicRoute(
        httpRoute,
        `${routeKey(route)} (${route.summary})`,
        route.protocol === 'open311',
      );
    }
    return httpRoute;
  }
}
