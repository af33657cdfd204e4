import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logicalIdOf, type Resource, required, type Synthesized, synthesize } from './synth-stack.ts';

/** The web app's hosting: a private bucket read by CloudFront through origin access control only. */
describe('web hosting', () => {
  let synth: Synthesized;
  const resources = (type: string) =>
    Object.values(synth.template.findResources(type) as Record<string, Resource>);
  const properties = (logicalId: string) =>
    required(synth.template.toJSON().Resources[logicalId] as Resource | undefined, logicalId).Properties;

  beforeAll(() => {
    synth = synthesize();
  });
  afterAll(() => synth.cleanup());

  it('keeps the site bucket private, encrypted and SSL-only', () => {
    const bucket = properties(logicalIdOf(synth.stack.web.bucket));
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(JSON.stringify(bucket.BucketEncryption)).toContain('AES256');
    const policies = resources('AWS::S3::BucketPolicy').filter(
      (policy) =>
        JSON.stringify(policy.Properties.Bucket) ===
        JSON.stringify({ Ref: logicalIdOf(synth.stack.web.bucket) }),
    );
    const statements = JSON.stringify(policies.map((policy) => policy.Properties.PolicyDocument));
    expect(statements).toContain('"aws:SecureTransport":"false"');
    // Only CloudFront reads it, and only for this distribution (origin access control).
    expect(statements).toContain('cloudfront.amazonaws.com');
    expect(statements).toContain('AWS:SourceArn');
  });

  it('serves over HTTPS through origin access control, compressed, with the client-side route function', () => {
    const distribution = properties(logicalIdOf(synth.stack.web.distribution)).DistributionConfig as Record<
      string,
      unknown
    >;
    const origins = distribution.Origins as {
      OriginAccessControlId?: unknown;
      S3OriginConfig?: { OriginAccessIdentity?: string };
    }[];
    expect(origins[0]?.OriginAccessControlId).toBeDefined();
    expect(origins[0]?.S3OriginConfig?.OriginAccessIdentity ?? '').toBe('');
    const behaviour = distribution.DefaultCacheBehavior as Record<string, unknown>;
    expect(behaviour.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(behaviour.Compress).toBe(true);
    expect(JSON.stringify(behaviour.FunctionAssociations)).toContain('viewer-request');
    expect(resources('AWS::CloudFront::OriginAccessControl')).toHaveLength(1);
  });

  it('lets the app sign in with the code flow, back to its own callback URLs', () => {
    const client = properties(logicalIdOf(synth.stack.api.userPoolClient));
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    const callbacks = JSON.stringify(client.CallbackURLs);
    expect(callbacks).toContain(logicalIdOf(synth.stack.web.distribution));
    expect(callbacks).toContain('/app/callback');
  });

  it('puts the runtime configuration in an output (API URL, issuer, client id)', () => {
    const output = JSON.stringify(synth.template.toJSON().Outputs.WebConfigJson);
    for (const key of ['apiUrl', 'issuer', 'clientId', 'cognito-idp']) expect(output).toContain(key);
  });
});
