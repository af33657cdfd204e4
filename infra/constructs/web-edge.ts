import { Duration } from 'aws-cdk-lib';
import {
  type BehaviorOptions,
  CachePolicy,
  type CfnDistribution,
  Function as EdgeFunction,
  type ErrorResponse,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { WEB_SHELLS } from '../web-settings.ts';

/**
 * What the distribution does besides fetching files: send client-side routes to their shell, add
 * security headers. Globally a CloudFront Function and a response headers policy; in the China
 * regions, where CloudFront takes no cache policy and neither origin access control nor (as far as
 * could be checked) functions and response headers policies, the legacy cache settings and error
 * responses instead (docs/web-hosting.md "AWS China regions").
 */

/** Over HTTPS only, no framing, no sniffing, no plug-ins, no `<base>` tricks. */
export const CONTENT_SECURITY_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

export const securityHeaders = (scope: Construct): ResponseHeadersPolicy =>
  new ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    comment: 'Qingshan web: security headers',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
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

/** The global distribution's behaviour: cached, the route function on each viewer request, headers added. */
export const globalBehaviour = (scope: Construct): Omit<BehaviorOptions, 'origin'> => ({
  cachePolicy: CachePolicy.CACHING_OPTIMIZED,
  functionAssociations: [
    {
      function: new EdgeFunction(scope, 'Router', {
        runtime: FunctionRuntime.JS_2_0,
        comment: 'Qingshan web: client-side routes to their shell',
        code: FunctionCode.fromInline(ROUTER_CODE),
      }),
      eventType: FunctionEventType.VIEWER_REQUEST,
    },
  ],
  responseHeadersPolicy: securityHeaders(scope),
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
  var shell = uri.match(/^\\/(${WEB_SHELLS.join('|')})\\//);
  var last = uri.split('/').pop();
  if (shell && last.indexOf('.') === -1) request.uri = '/' + shell[1] + '/index.html';
  return request;
}
`;

/**
 * China: a missing key (403 from S3 through OAI, which may not list) is answered with the deputies'
 * shell, which routes on the client and hands `/console/…` paths on to the console's page (docs/web-hosting.md).
 * Briefly cached, so a publish shows at once.
 */
export const chinaErrorResponses: ErrorResponse[] = [403, 404].map((httpStatus) => ({
  httpStatus,
  responseHttpStatus: 200,
  responsePagePath: '/app/index.html',
  ttl: Duration.seconds(10),
}));

/**
 * China: CloudFront there refuses `CachePolicyId` ("can't be set for this region"), so the behaviour
 * carries the legacy cache settings (no query strings or cookies in the key, the origin's
 * Cache-Control within 0 s to one year), and the certificate is an IAM server certificate.
 */
export const useChinaCacheAndCertificate = (distribution: CfnDistribution, certificateId: string): void => {
  distribution.addPropertyDeletionOverride('DistributionConfig.DefaultCacheBehavior.CachePolicyId');
  distribution.addPropertyOverride('DistributionConfig.DefaultCacheBehavior.ForwardedValues', {
    QueryString: false,
    Cookies: { Forward: 'none' },
  });
  distribution.addPropertyOverride('DistributionConfig.DefaultCacheBehavior.MinTTL', 0);
  distribution.addPropertyOverride('DistributionConfig.DefaultCacheBehavior.DefaultTTL', 86_400);
  distribution.addPropertyOverride('DistributionConfig.DefaultCacheBehavior.MaxTTL', 31_536_000);
  distribution.addPropertyOverride('DistributionConfig.ViewerCertificate', {
    IamCertificateId: certificateId,
    SslSupportMethod: 'sni-only',
    MinimumProtocolVersion: 'TLSv1.2_2021',
  });
};
