/**
 * Where the web app is served from and which sign-in redirects that implies. The app (web/) has one
 * shell per audience under its own path, and each shell signs in back to `<origin>/<shell>/callback`
 * and signs out back to `<origin>/<shell>/` (web/src/shared/auth.ts), so every origin the app is
 * served from gives the identity provider one callback and one logout URL per shell.
 */

/** The shells of web/: the deputies' app and the staff console. */
export const WEB_SHELLS = ['app', 'console'] as const;

/** Where `npm run dev:web` serves the app; Cognito accepts plain http for localhost only. */
export const DEV_SERVER_ORIGIN = 'http://localhost:5173';

export const callbackUrlsOf = (origin: string): string[] =>
  WEB_SHELLS.map((shell) => `${origin}/${shell}/callback`);

export const logoutUrlsOf = (origin: string): string[] => WEB_SHELLS.map((shell) => `${origin}/${shell}/`);

/** Hosting of the web app (S3 behind CloudFront), or none (`-c web=false`, or China without a domain). */
export interface WebSettings {
  /** The alternate domain (CNAME) it is served from; absent: the distribution's own domain. */
  domain?: string;
  /** For `domain`: an ACM certificate ARN in us-east-1, or in the China regions an IAM server certificate id. */
  certificate?: string;
  /** China regions: legacy origin access (OAI), no CloudFront policies or functions (docs/web.md). */
  china: boolean;
  /** A tile provider and its browser key for config.json (`-c webBaseMap=tianditu:<key>`); none: the bundled map. */
  baseMap?: { kind: BaseMapKind; key: string };
}

/** The providers web/src/deputy/map/tiles.ts knows. */
export const BASE_MAP_KINDS = ['tianditu', 'amap', 'tencent'] as const;
export type BaseMapKind = (typeof BASE_MAP_KINDS)[number];

export class WebSettingsError extends Error {
  override name = 'WebSettingsError';
}

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
// CloudFront takes ACM certificates only from us-east-1, whatever the stack's region.
const ACM_US_EAST_1 = /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/;
const IAM_SERVER_CERTIFICATE_ID = /^[A-Z0-9]{16,128}$/;

/**
 * `-c web=false` turns hosting off; `-c webDomain=… -c webCertificate=…` serve it from a domain of
 * one's own. In the China regions CloudFront cannot serve from its default `*.cloudfront.cn` domain
 * and takes no ACM certificate: there hosting needs an ICP-filed domain and an IAM server
 * certificate, and without them the stage is deployed without hosting rather than with a
 * distribution that could not serve.
 */
export const readWebSettings = (
  context: (key: string) => string | undefined,
  inChina: boolean,
): WebSettings | undefined => {
  const hosting = readHosting(context, inChina);
  const baseMap = readBaseMap(context('webBaseMap'));
  return hosting === undefined || baseMap === undefined ? hosting : { ...hosting, baseMap };
};

const readHosting = (
  context: (key: string) => string | undefined,
  inChina: boolean,
): WebSettings | undefined => {
  const enabled = context('web');
  if (enabled !== undefined && enabled !== 'true' && enabled !== 'false') {
    throw new WebSettingsError(`web must be true or false, not "${enabled}"`);
  }
  if (enabled === 'false') return undefined;
  const domain = context('webDomain');
  const certificate = context('webCertificate');
  if ((domain === undefined) !== (certificate === undefined)) {
    throw new WebSettingsError('webDomain and webCertificate go together: the domain needs its certificate');
  }
  if (domain === undefined || certificate === undefined) {
    if (!inChina) return { china: false };
    if (enabled === 'true') {
      throw new WebSettingsError(
        'CloudFront in the China regions serves only from an ICP-filed domain: add -c webDomain=<domain> -c webCertificate=<IAM server certificate id>',
      );
    }
    return undefined;
  }
  if (!HOSTNAME.test(domain))
    throw new WebSettingsError(`webDomain "${domain}" is not a lower-case host name`);
  if (inChina && !IAM_SERVER_CERTIFICATE_ID.test(certificate)) {
    throw new WebSettingsError(
      'In the China regions CloudFront takes no ACM certificate: webCertificate is the id of a certificate uploaded to IAM (aws iam upload-server-certificate --path /cloudfront/ …)',
    );
  }
  if (!inChina && !ACM_US_EAST_1.test(certificate)) {
    throw new WebSettingsError(
      'webCertificate must be the ARN of an ACM certificate in us-east-1 (CloudFront reads no other region)',
    );
  }
  return { domain, certificate, china: inChina };
};

const readBaseMap = (value: string | undefined): WebSettings['baseMap'] => {
  if (value === undefined) return undefined;
  const [kind = '', ...rest] = value.split(':');
  const key = rest.join(':');
  if (!(BASE_MAP_KINDS as readonly string[]).includes(kind) || key === '') {
    throw new WebSettingsError(`webBaseMap is <${BASE_MAP_KINDS.join('|')}>:<browser key>, not "${value}"`);
  }
  return { kind: kind as BaseMapKind, key };
};
