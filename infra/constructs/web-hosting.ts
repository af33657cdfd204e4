import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  type CfnUserPoolClient,
  OAuthScope,
  type UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { DeploymentSettings } from './house-function.ts';
import { removalPolicyFor } from './house-function.ts';
import { acknowledge } from './nag-suppressions.ts';

export interface WebHostingProps {
  settings: DeploymentSettings;
  apiUrl: string;
  userPool: UserPool;
  userPoolClient: UserPoolClient;
  accessLogBucket: IBucket;
}

/**
 * The web app (`web/dist`: the deputies' `/app/`, later the staff `/console/`) from a private S3
 * bucket behind CloudFront with origin access control; a CloudFront Function sends client-side
 * routes to their shell's index.html. The runtime configuration (API URL, issuer, client id) is
 * resolved at deploy time into the `WebConfigJson` output, which the publish step writes to
 * `config.json` beside the files (`aws s3 sync`, see docs/web.md) — no Lambda-backed custom resource
 * (the stack holds every Lambda to nodejs24.x). The user pool's client gets the authorization-code
 * flow with this distribution's callback URLs, through an override, so the API construct stays as
 * it is.
 */
export class WebHosting extends Construct {
  public readonly bucket: Bucket;
  public readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'SiteBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogBucket,
      serverAccessLogsPrefix: 'web/',
      removalPolicy: removalPolicyFor(props.settings),
    });
    const region = Stack.of(this).region;
    const config = {
      apiUrl: props.apiUrl,
      issuer: `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
      clientId: props.userPoolClient.userPoolClientId,
      scope: 'openid profile email',
      baseMap: null,
    };
    const router = new EdgeFunction(this, 'Router', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Qingshan web: client-side routes',
      code: FunctionCode.fromInline(ROUTER_CODE),
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Qingshan ${props.settings.stage} web app`,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        functionAssociations: [{ function: router, eventType: FunctionEventType.VIEWER_REQUEST }],
        responseHeadersPolicy: securityHeaders(this),
      },
    });
    this.allowSignInFrom(props.userPoolClient, `https://${this.distribution.distributionDomainName}`);
    this.acknowledgeFindings();
    new CfnOutput(Stack.of(this), 'WebBucketName', { value: this.bucket.bucketName });
    new CfnOutput(Stack.of(this), 'WebAppUrl', {
      value: `https://${this.distribution.distributionDomainName}/app/`,
    });
    new CfnOutput(Stack.of(this), 'WebDistributionId', { value: this.distribution.distributionId });
    new CfnOutput(Stack.of(this), 'WebConfigJson', {
      value: Stack.of(this).toJsonString(config),
      description: 'The web app’s config.json: write it beside the files when publishing them',
    });
  }

  /** Code + PKCE from the shells; a hosted-UI domain is added to the pool per deployment. */
  private allowSignInFrom(client: UserPoolClient, origin: string) {
    const cfn = client.node.defaultChild as CfnUserPoolClient;
    cfn.addPropertyOverride('AllowedOAuthFlowsUserPoolClient', true);
    cfn.addPropertyOverride('AllowedOAuthFlows', ['code']);
    cfn.addPropertyOverride(
      'AllowedOAuthScopes',
      [OAuthScope.OPENID, OAuthScope.PROFILE, OAuthScope.EMAIL].map((s) => s.scopeName),
    );
    cfn.addPropertyOverride('SupportedIdentityProviders', ['COGNITO']);
    cfn.addPropertyOverride('CallbackURLs', [`${origin}/app/callback`, `${origin}/console/callback`]);
    cfn.addPropertyOverride('LogoutURLs', [`${origin}/app/`, `${origin}/console/`]);
  }

  private acknowledgeFindings() {
    const reasons: Record<string, string> = {
      CFR1: 'Deputies sign in from wherever they travel; the files are a public static app shell and every datum sits behind the authorized API.',
      CFR2: 'Static files only (GET/HEAD, cached); the API behind it has its own throttling. A deployment that needs WAF attaches a web ACL.',
      CFR3: 'Static app files only; who did what is in the API access logs and the workflow timelines. Standard logging needs an ACL-enabled bucket, which this stack does not create.',
      CFR4: 'The default *.cloudfront.net certificate; a deployment with its own domain sets a certificate and TLSv1.2_2021.',
    };
    for (const [rule, reason] of Object.entries(reasons)) acknowledge(this.distribution, rule, reason);
  }
}

/** No framing, no sniffing, strict HTTPS, a content security policy for the app's own origin. */
const securityHeaders = (scope: Construct) =>
  new ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    securityHeadersBehavior: {
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(365),
        includeSubdomains: true,
        override: true,
      },
    },
  });

/**
 * CloudFront Functions JavaScript 2.0: `/` and a bare shell name redirected to the shell, a path
 * without a file extension under a shell (a client-side route) served its index.html.
 */
export const ROUTER_CODE = `
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/' || uri === '/app' || uri === '/console') {
    var target = uri === '/console' ? '/console/' : '/app/';
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: target } } };
  }
  var shell = uri.match(/^\\/(app|console)\\//);
  var last = uri.split('/').pop();
  if (shell && last.indexOf('.') === -1) request.uri = '/' + shell[1] + '/index.html';
  return request;
}
`;
