import { CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { bucketName, parameterNames } from '../names.ts';
import type { DeploymentSettings } from '../settings.ts';
import type { BaseMapKind } from '../web-settings.ts';

export interface WebStackProps extends StackProps {
  settings: DeploymentSettings;
}

/** The runtime configuration of web/src/shared/config.ts, as it is written to `config.json`. */
export interface WebConfig {
  apiUrl: string;
  issuer: string;
  clientId: string;
  scope: string;
  baseMap: null | { kind: BaseMapKind; key: string };
  /** Cognito only: the hosted sign-in (its /logout takes client_id and logout_uri, not the OIDC names). */
  signInUrl?: string;
  /** Another OIDC issuer: which ID-token claims carry groups, department and enterprise. */
  claims?: { groups: string; department: string; enterprise: string };
}

/**
 * What the web app is told: its `config.json` (API URL, issuer, client, sign-in domain), resolved at
 * deploy time from the SSM parameters of the stateful and API stacks, as an output and a parameter
 * for the publish step (docs/web.md "Publishing"). The files themselves are served by the stateful
 * stack's distribution. Redeploying this stack and publishing again is all a changed API or issuer
 * needs.
 */
export class WebStack extends Stack {
  public readonly config: WebConfig;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const names = parameterNames(settings.stage);
    const read = (name: string) => StringParameter.valueForStringParameter(this, name);
    this.config = {
      apiUrl: withoutTrailingSlash(read(names.apiUrl)),
      ...identityOf(settings, read),
      scope: 'openid profile email',
      baseMap: settings.web?.baseMap ?? null,
    };
    const json = this.toJsonString(this.config);
    new StringParameter(this, 'ConfigParameter', {
      parameterName: names.webConfig,
      stringValue: json,
      description: 'The web app’s config.json',
    });
    const origin = read(names.webOrigin);
    new CfnOutput(this, 'WebConfigJson', {
      value: json,
      description: 'The web app’s config.json: publish it beside the files',
    });
    new CfnOutput(this, 'WebAppUrl', { value: `${origin}/app/`, description: 'The deputies’ app' });
    new CfnOutput(this, 'WebBucketName', { value: bucketName(settings.stage, 'web') });
    new CfnOutput(this, 'WebDistributionId', { value: read(names.webDistributionId) });
  }
}

/**
 * The API stage's URL ends in `/` and the app appends paths that start with one (`${apiUrl}/cases`):
 * `https://<id>.execute-api.<region>.<suffix>/` split on `/` has the host third.
 */
const withoutTrailingSlash = (url: string): string => `https://${Fn.select(2, Fn.split('/', url))}`;

const identityOf = (
  settings: DeploymentSettings,
  read: (name: string) => string,
): Pick<WebConfig, 'issuer' | 'clientId' | 'signInUrl' | 'claims'> => {
  const { identity, claims } = settings;
  if (identity.kind === 'oidc') {
    // The web app's client is the first audience the API accepts (docs/deploying.md "Identity").
    const [clientId = ''] = identity.audience;
    return {
      issuer: identity.issuer,
      clientId,
      claims: { groups: claims.groups, department: claims.department, enterprise: claims.enterprise },
    };
  }
  const names = parameterNames(settings.stage);
  return { issuer: read(names.issuer), clientId: read(names.webClientId), signInUrl: read(names.signInUrl) };
};
