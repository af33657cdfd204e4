import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Resource, required, resourceOf, type Synthesized, synthesize } from './synth-stack.ts';

// CloudFront in the China regions serves only from an ICP-filed alternate domain with a certificate
// uploaded to IAM (no ACM), refuses CachePolicyId, and has no origin access control.
const CHINA = {
  region: 'cn-northwest-1',
  account: '123456789012',
  identity: 'oidc',
  oidcIssuer: 'https://sso.zhanjiang.gov.cn/realms/qingshan',
  oidcAudience: 'qingshan-web,qingshan-cli',
};
const HOSTED = { ...CHINA, webDomain: 'qingshan.zhanjiang.gov.cn', webCertificate: 'ASCAQINGSHANEXAMPLE01' };

describe('web hosting in AWS China (aws-cn)', () => {
  let synth: Synthesized;
  const hosting = () => required(synth.stacks.stateful.web, 'web hosting');
  const config = () =>
    resourceOf(synth, hosting().distribution).Properties.DistributionConfig as Record<string, unknown>;
  const typesOfStateful = () =>
    Object.values(synth.templateOf(synth.stacks.stateful).toJSON().Resources as Record<string, Resource>).map(
      (resource) => resource.Type,
    );

  beforeAll(() => {
    synth = synthesize(HOSTED);
  });
  afterAll(() => synth.cleanup());

  it('serves from the ICP-filed domain with its IAM server certificate, TLS 1.2 and SNI', () => {
    expect(config().Aliases).toEqual(['qingshan.zhanjiang.gov.cn']);
    expect(config().ViewerCertificate).toEqual({
      IamCertificateId: 'ASCAQINGSHANEXAMPLE01',
      SslSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    });
    expect(hosting().origin).toBe('https://qingshan.zhanjiang.gov.cn');
  });

  it('reads the bucket through an origin access identity allowed GetObject only, not origin access control', () => {
    const [origin] = config().Origins as { S3OriginConfig: { OriginAccessIdentity: unknown } }[];
    const policies = synth.templateOf(synth.stacks.stateful).findResources('AWS::S3::BucketPolicy') as Record<
      string,
      Resource
    >;
    const grants = Object.values(policies)
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement)
      .filter((s) => JSON.stringify(s.Principal).includes('CanonicalUser'));

    expect(typesOfStateful()).toContain('AWS::CloudFront::CloudFrontOriginAccessIdentity');
    expect(typesOfStateful()).not.toContain('AWS::CloudFront::OriginAccessControl');
    expect(JSON.stringify(origin?.S3OriginConfig.OriginAccessIdentity)).toContain(
      'origin-access-identity/cloudfront/',
    );
    expect(grants.map((s) => s.Action)).toEqual(['s3:GetObject']);
  });

  it('uses the legacy cache settings instead of a cache policy, and no function or headers policy', () => {
    const behaviour = config().DefaultCacheBehavior as Record<string, unknown>;

    expect(behaviour.CachePolicyId).toBeUndefined();
    expect(behaviour.ForwardedValues).toEqual({ QueryString: false, Cookies: { Forward: 'none' } });
    expect(behaviour).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', Compress: true });
    expect(behaviour.FunctionAssociations).toBeUndefined();
    expect(behaviour.ResponseHeadersPolicyId).toBeUndefined();
    expect(typesOfStateful()).not.toContain('AWS::CloudFront::Function');
    expect(typesOfStateful()).not.toContain('AWS::CloudFront::ResponseHeadersPolicy');
  });

  it('answers client-side routes (a missing key) with the deputies’ shell, briefly cached', () => {
    expect(config().CustomErrorResponses).toEqual(
      [403, 404].map((code) => ({
        ErrorCode: code,
        ResponseCode: 200,
        ResponsePagePath: '/app/index.html',
        ErrorCachingMinTTL: 10,
      })),
    );
  });

  it('writes every ARN in aws-cn', () => {
    const all = synth.stacks.all.map((stack) => JSON.stringify(synth.templateOf(stack).toJSON())).join('\n');

    expect(all).not.toMatch(/arn:aws:/);
  });

  it('without a domain: no hosting and no web stack (the API alone), unless hosting is asked for', () => {
    const bare = synthesize(CHINA);
    try {
      expect(bare.stacks.stateful.web).toBeUndefined();
      expect(bare.stacks.web).toBeUndefined();
      expect(bare.resourcesOf('AWS::CloudFront::Distribution')).toEqual([]);
    } finally {
      bare.cleanup();
    }
    expect(() => synthesize({ ...CHINA, web: 'true' })).toThrow(/ICP-filed domain/);
    expect(() =>
      synthesize({ ...HOSTED, webCertificate: 'arn:aws-cn:acm:cn-north-1:1:certificate/x' }),
    ).toThrow(/IAM/);
  });
});
