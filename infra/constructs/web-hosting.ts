import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  type CfnDistribution,
  Distribution,
  HttpVersion,
  type IOrigin,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { bucketName, parameterNames } from '../names.ts';
import { type DeploymentSettings, isProduction } from '../settings.ts';
import type { WebSettings } from '../web-settings.ts';
import { removalPolicyFor } from './house-function.ts';
import { acknowledge } from './nag-suppressions.ts';
import { chinaErrorResponses, globalBehaviour, useChinaCacheAndCertificate } from './web-edge.ts';

export interface WebHostingProps {
  settings: DeploymentSettings;
  web: WebSettings;
  accessLogBucket: IBucket;
}

/**
 * The web app (`web/dist`: the deputies' `/app/`, the staff `/console/`) from a private S3 bucket
 * behind CloudFront: HTTPS only, compressed, client-side routes sent to their shell, security headers.
 * The bucket is read by this distribution only — origin access control, or in the China regions the
 * legacy origin access identity. Files and `config.json` are published after `cdk deploy`
 * (docs/web.md "Publishing"); no Lambda-backed deployment resource.
 *
 * It lives in the stateful stack beside the user pool, so the web client's callback URLs can name
 * the distribution in the same template (docs/deploying.md "Why the web hosting is in Stateful").
 */
export class WebHosting extends Construct {
  public readonly bucket: Bucket;
  public readonly distribution: Distribution;
  /** `https://<domain>`: the custom domain when there is one, else the distribution's own. */
  public readonly origin: string;
  private readonly stage: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const { settings, web } = props;
    this.stage = settings.stage;
    this.bucket = new Bucket(this, 'SiteBucket', {
      bucketName: bucketName(settings.stage, 'web'),
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogBucket,
      serverAccessLogsPrefix: 'web/',
      // The files are rebuilt by every publish: nothing here is state, but production keeps them.
      removalPolicy: removalPolicyFor(settings),
      autoDeleteObjects: !isProduction(settings),
    });
    this.distribution = web.china ? this.chinaDistribution(web) : this.globalDistribution(web);
    this.origin = `https://${web.domain ?? this.distribution.distributionDomainName}`;
    this.acknowledgeFindings(web);
    this.publish(settings);
  }

  private globalDistribution(web: WebSettings): Distribution {
    return new Distribution(this, 'Distribution', {
      ...this.common(S3BucketOrigin.withOriginAccessControl(this.bucket), globalBehaviour(this)),
      httpVersion: HttpVersion.HTTP2_AND_3,
      ...(web.domain === undefined || web.certificate === undefined
        ? {}
        : {
            domainNames: [web.domain],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', web.certificate),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }),
    });
  }

  /** An alternate domain is required there; IPv6 left off as in AWS's own China sample. */
  private chinaDistribution(web: WebSettings): Distribution {
    if (web.domain === undefined || web.certificate === undefined) {
      throw new Error('web hosting in the China regions needs webDomain and webCertificate');
    }
    const distribution = new Distribution(this, 'Distribution', {
      ...this.common(S3BucketOrigin.withOriginAccessIdentity(this.bucket), {}),
      domainNames: [web.domain],
      enableIpv6: false,
      errorResponses: chinaErrorResponses,
    });
    useChinaCacheAndCertificate(distribution.node.defaultChild as CfnDistribution, web.certificate);
    return distribution;
  }

  private common(origin: IOrigin, behaviour: Omit<BehaviorOptions, 'origin'>) {
    return {
      comment: `Qingshan ${this.stage} web app`,
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        compress: true,
        ...behaviour,
      },
    };
  }

  /** The web stack reads these to tell the app and the publish step where things are. */
  private publish(settings: DeploymentSettings): void {
    const names = parameterNames(settings.stage);
    new StringParameter(this, 'DistributionIdParameter', {
      parameterName: names.webDistributionId,
      stringValue: this.distribution.distributionId,
      description: 'CloudFront distribution of the web app (invalidations after a publish)',
    });
    new StringParameter(this, 'OriginParameter', {
      parameterName: names.webOrigin,
      stringValue: this.origin,
      description: 'Origin the web app is served from',
    });
  }

  private acknowledgeFindings(web: WebSettings): void {
    const reasons: Record<string, string> = {
      CFR1: 'Deputies sign in from wherever they travel; the files are a public static app shell and every datum sits behind the authorized API.',
      CFR2: 'Static files only (GET/HEAD, cached); the API behind it has its own throttling. A deployment that needs AWS WAF attaches a web ACL to the distribution.',
      CFR3: 'Static app files only; who did what is in the API access logs and the workflow timelines. CloudFront standard logging needs an ACL-enabled bucket, which this app does not create.',
    };
    if (web.certificate === undefined) {
      reasons.CFR4 =
        'The distribution’s default *.cloudfront.net certificate, which allows TLSv1; a deployment with its own domain (-c webDomain, -c webCertificate) gets TLSv1.2_2021.';
    } else if (web.china) {
      reasons.CFR4 =
        'The IAM server certificate and TLSv1.2_2021 are set by a property override (CloudFront in China takes no ACM certificate), which the rule does not read.';
    }
    if (web.china) {
      reasons.CFR7 =
        'Origin access control is not offered by CloudFront in the China regions; the legacy origin access identity is the one principal the bucket policy admits.';
    }
    for (const [rule, reason] of Object.entries(reasons)) acknowledge(this.distribution, rule, reason);
  }
}
