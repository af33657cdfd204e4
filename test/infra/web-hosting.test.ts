import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTER_CODE } from '../../infra/constructs/web-edge.ts';
import { resolveWith } from './resolve-template.ts';
import {
  flat,
  logicalIdOf,
  type Resource,
  required,
  resourceOf,
  type Synthesized,
  synthesize,
} from './synth-stack.ts';

/** What the API and identity stacks would have written to SSM by the time the web stack deploys. */
const SSM = {
  '/qingshan/dev/api/url': 'https://a1b2c3.execute-api.ap-east-1.amazonaws.com/',
  '/qingshan/dev/identity/issuer': 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_Pool',
  '/qingshan/dev/identity/web-client-id': 'web-client-id',
  '/qingshan/dev/identity/sign-in-url': 'https://qingshan-dev-1.auth.ap-east-1.amazoncognito.com',
  '/qingshan/dev/web/origin': 'https://d111.cloudfront.net',
  '/qingshan/dev/web/distribution-id': 'E111',
};
const ACM = 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-0123456789ab';

/** The web app's hosting: a private bucket read by CloudFront only, and the app's config.json. */
describe('web hosting (global partition, Cognito)', () => {
  let synth: Synthesized;
  const hosting = () => required(synth.stacks.stateful.web, 'web hosting');
  const web = () => required(synth.stacks.web, 'web stack');
  const ofType = (type: string) =>
    Object.values(synth.templateOf(hosting()).findResources(type) as Record<string, Resource>);
  const distributionConfig = () =>
    resourceOf(synth, hosting().distribution).Properties.DistributionConfig as Record<string, unknown>;
  const behaviour = () => distributionConfig().DefaultCacheBehavior as Record<string, unknown>;
  const configOf = (s: Synthesized, ssm: Record<string, string>) => {
    const template = s.templateOf(required(s.stacks.web, 'web stack')).toJSON();
    return JSON.parse(String(resolveWith(template, ssm)(template.Outputs.WebConfigJson.Value)));
  };

  beforeAll(() => {
    synth = synthesize();
  });
  afterAll(() => synth.cleanup());

  it('keeps the site bucket private, encrypted and SSL-only, readable by this distribution only', () => {
    const bucket = resourceOf(synth, hosting().bucket).Properties;
    const [policy] = ofType('AWS::S3::BucketPolicy').filter(
      (p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: logicalIdOf(hosting().bucket) }),
    );
    const statements = (required(policy, 'policy').Properties.PolicyDocument as { Statement: Resource[] })
      .Statement as unknown as Record<string, unknown>[];
    const readers = statements.filter(
      (s) => s.Effect === 'Allow' && JSON.stringify(s.Action).includes('GetObject'),
    );

    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(JSON.stringify(bucket.BucketEncryption)).toContain('AES256');
    expect(flat(bucket.BucketName)).toBe('qingshan-dev-web-<AWS::AccountId>-<AWS::Region>');
    expect(JSON.stringify(statements)).toContain('"aws:SecureTransport":"false"');
    expect(readers).toHaveLength(1);
    expect(readers[0]?.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(JSON.stringify(readers[0]?.Condition)).toContain(logicalIdOf(hosting().distribution));
  });

  it('serves through origin access control only (no identity), over HTTPS, compressed, GET and HEAD', () => {
    const [origin] = distributionConfig().Origins as Record<string, Record<string, unknown>>[];

    expect(required(origin, 'origin').OriginAccessControlId).toBeDefined();
    expect(origin?.S3OriginConfig?.OriginAccessIdentity).toBe('');
    expect(ofType('AWS::CloudFront::OriginAccessControl').map((o) => o.Properties)).toEqual([
      expect.objectContaining({
        OriginAccessControlConfig: expect.objectContaining({
          SigningBehavior: 'always',
          SigningProtocol: 'sigv4',
        }),
      }),
    ]);
    expect(behaviour()).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      Compress: true,
      AllowedMethods: ['GET', 'HEAD'],
    });
  });

  it('runs the client-side route function on every viewer request', () => {
    const [fn] = ofType('AWS::CloudFront::Function');

    expect(required(fn, 'function').Properties.FunctionCode).toBe(ROUTER_CODE);
    expect(JSON.stringify(behaviour().FunctionAssociations)).toContain('viewer-request');
  });

  it('adds security headers: a year of HSTS, no sniffing, no framing, a referrer policy, a CSP', () => {
    const [policy] = ofType('AWS::CloudFront::ResponseHeadersPolicy');
    const headers = (
      required(policy, 'policy').Properties.ResponseHeadersPolicyConfig as Record<string, unknown>
    ).SecurityHeadersConfig as Record<string, Record<string, unknown>>;

    expect(behaviour().ResponseHeadersPolicyId).toEqual({ Ref: expect.stringContaining('SecurityHeaders') });
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 31_536_000,
      IncludeSubdomains: true,
    });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    expect(headers.ReferrerPolicy).toMatchObject({ ReferrerPolicy: 'strict-origin-when-cross-origin' });
    expect(headers.ContentSecurityPolicy?.ContentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it('lets the app sign in and out through the Cognito web client at the distribution’s own URLs', () => {
    const client = resourceOf(
      synth,
      required(synth.stacks.stateful.identity, 'identity').webClient,
    ).Properties;
    const domain = `<${logicalIdOf(hosting().distribution)}.DomainName>`;

    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect((client.CallbackURLs as unknown[]).map(flat)).toEqual(
      expect.arrayContaining([`https://${domain}/app/callback`, `https://${domain}/console/callback`]),
    );
    expect((client.LogoutURLs as unknown[]).map(flat)).toEqual(
      expect.arrayContaining([`https://${domain}/app/`, `https://${domain}/console/`]),
    );
  });

  it('resolves config.json at deploy time: the API without a trailing slash, the issuer, the web client, the hosted sign-in', () => {
    expect(configOf(synth, SSM)).toEqual({
      apiUrl: 'https://a1b2c3.execute-api.ap-east-1.amazonaws.com',
      issuer: SSM['/qingshan/dev/identity/issuer'],
      clientId: 'web-client-id',
      signInUrl: SSM['/qingshan/dev/identity/sign-in-url'],
      scope: 'openid profile email',
      baseMap: null,
    });
  });

  it('outputs what the publish step needs from one stack, and keeps config.json in SSM too', () => {
    const template = synth.templateOf(web()).toJSON();
    const resolve = resolveWith(template, SSM);
    const [parameter] = synth
      .resourcesOf('AWS::SSM::Parameter')
      .filter((p) => p.Properties.Name === '/qingshan/dev/web/config');

    expect(Object.keys(template.Outputs).sort()).toEqual([
      'WebAppUrl',
      'WebBucketName',
      'WebConfigJson',
      'WebDistributionId',
    ]);
    expect(resolve(template.Outputs.WebAppUrl.Value)).toBe('https://d111.cloudfront.net/app/');
    expect(resolve(template.Outputs.WebDistributionId.Value)).toBe('E111');
    expect(required(parameter, 'config parameter').Properties.Value).toEqual(
      template.Outputs.WebConfigJson.Value,
    );
    expect(
      web()
        .dependencies.map((stack) => stack.stackName)
        .sort(),
    ).toEqual(['Qingshan-dev-Api', 'Qingshan-dev-Stateful']);
  });

  it('with identity=oidc and a domain of its own: the external issuer and client, the claims, a TLS 1.2 certificate', () => {
    const oidc = synthesize({
      stage: 'prod',
      identity: 'oidc',
      oidcIssuer: 'https://sso.example.gov.cn/realms/qingshan',
      oidcAudience: 'qingshan-web,qingshan-cli',
      groupsClaim: 'groups',
      departmentClaim: 'department',
      enterpriseClaim: 'enterprise_id',
      webDomain: 'qingshan.example.gov.cn',
      webCertificate: ACM,
      webBaseMap: 'tianditu:browser-key',
    });
    try {
      const ssm = Object.fromEntries(
        Object.entries(SSM).map(([name, value]) => [name.replace('/dev/', '/prod/'), value]),
      );
      const hosted = required(oidc.stacks.stateful.web, 'web hosting');
      const config = resourceOf(oidc, hosted.distribution).Properties.DistributionConfig as Record<
        string,
        unknown
      >;

      expect(configOf(oidc, ssm)).toEqual({
        apiUrl: 'https://a1b2c3.execute-api.ap-east-1.amazonaws.com',
        issuer: 'https://sso.example.gov.cn/realms/qingshan',
        clientId: 'qingshan-web',
        claims: { groups: 'groups', department: 'department', enterprise: 'enterprise_id' },
        scope: 'openid profile email',
        baseMap: { kind: 'tianditu', key: 'browser-key' },
      });
      expect(config.Aliases).toEqual(['qingshan.example.gov.cn']);
      expect(config.ViewerCertificate).toMatchObject({
        AcmCertificateArn: ACM,
        MinimumProtocolVersion: 'TLSv1.2_2021',
      });
      expect(hosted.origin).toBe('https://qingshan.example.gov.cn');
    } finally {
      oidc.cleanup();
    }
  });

  it('refuses a domain without its certificate, and a certificate CloudFront cannot read', () => {
    expect(() => synthesize({ webDomain: 'qingshan.example.gov.cn' })).toThrow(/go together/);
    expect(() =>
      synthesize({
        webDomain: 'qingshan.example.gov.cn',
        webCertificate: ACM.replace('us-east-1', 'ap-east-1'),
      }),
    ).toThrow(/us-east-1/);
    expect(() => synthesize({ webBaseMap: 'osm:key' })).toThrow(/webBaseMap/);
  });
});
