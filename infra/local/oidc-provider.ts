import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENTERPRISE_GROUP } from '../../shared/domain/roles.ts';
import { LOCAL_CLIENT_ID, type LocalIssuer, type LocalUser } from './local-issuer.ts';
import {
  AUTHORIZE_PARAMS,
  type AuthorizeParams,
  authorizePage,
  errorPage,
  signedOutPage,
} from './oidc-pages.ts';

/**
 * The local issuer as a real OpenID Connect provider, so the app signs in with the very flow it uses
 * against Cognito's hosted UI or a government identity platform: discovery, `/authorize` (a page to
 * pick a demo user instead of a password), `/token` (authorization code with its PKCE verifier, and
 * refresh), JWKS and `/logout`. Served by the local gateway under `<api>/oidc`, which is the `iss`.
 */
export interface OidcProviderOptions {
  issuer: LocalIssuer;
  users: () => readonly LocalUser[];
  displayNames: Readonly<Record<string, string>>;
  clientId?: string;
  tokenTtlSeconds?: number;
}

interface PendingCode {
  user: LocalUser;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  expiresAt: number;
}

const CODE_TTL_MS = 60_000;

export type OidcHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export const createOidcProvider = (options: OidcProviderOptions): OidcHandler => {
  const base = new URL(options.issuer.url).pathname.replace(/\/$/, '');
  const clientId = options.clientId ?? LOCAL_CLIENT_ID;
  const ttl = options.tokenTtlSeconds ?? 3600;
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Map<string, LocalUser>();

  const tokensFor = async (user: LocalUser, nonce?: string) => {
    const idToken = await options.issuer.issueToken(user, {
      ttlSeconds: ttl,
      ...(nonce === undefined ? {} : { nonce }),
    });
    const refreshToken = randomToken();
    refreshTokens.set(refreshToken, user);
    // The API's authorizer wants the ID token's audience and claims (groups, department), as with
    // Cognito, so the access token is the same JWT; the app sends the ID token either way.
    return {
      access_token: idToken,
      id_token: idToken,
      refresh_token: refreshToken,
      token_type: 'Bearer',
      expires_in: ttl,
      scope: 'openid profile',
    };
  };

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>> = {
    'GET /.well-known/openid-configuration': async (_req, res) =>
      json(res, 200, discovery(options.issuer.url)),
    'GET /jwks.json': async (_req, res) => json(res, 200, options.issuer.jwks()),
    'GET /authorize': async (_req, res, url) => {
      const params = pickParams(url.searchParams);
      const problem = checkAuthorizeRequest(params, clientId);
      if (problem !== undefined) return html(res, 400, errorPage(problem));
      html(res, 200, authorizePage(`${base}/authorize`, params, listUsers(options)));
    },
    'POST /authorize': async (req, res) => {
      const form = new URLSearchParams((await readBody(req)).toString('utf8'));
      const params = pickParams(form);
      const problem = checkAuthorizeRequest(params, clientId);
      if (problem !== undefined) return html(res, 400, errorPage(problem));
      const user = options.users().find((candidate) => candidate.username === form.get('username'));
      if (user === undefined) return html(res, 400, errorPage('未知用户 (unknown user)'));
      const code = randomToken();
      codes.set(code, {
        user,
        redirectUri: params.redirect_uri,
        codeChallenge: params.code_challenge,
        ...(params.nonce === '' ? {} : { nonce: params.nonce }),
        expiresAt: Date.now() + CODE_TTL_MS,
      });
      const target = new URL(params.redirect_uri);
      target.searchParams.set('code', code);
      if (params.state !== '') target.searchParams.set('state', params.state);
      redirect(res, target.toString());
    },
    'POST /token': async (req, res) => {
      const form = new URLSearchParams((await readBody(req)).toString('utf8'));
      const grant = form.get('grant_type');
      if (grant === 'authorization_code') {
        const pending = takeCode(codes, form.get('code') ?? '');
        const problem = checkCodeExchange(pending, form, clientId);
        if (problem !== undefined || pending === undefined)
          return json(res, 400, { error: 'invalid_grant', error_description: problem });
        return json(res, 200, await tokensFor(pending.user, pending.nonce));
      }
      if (grant === 'refresh_token') {
        const token = form.get('refresh_token') ?? '';
        const user = refreshTokens.get(token);
        if (user === undefined) return json(res, 400, { error: 'invalid_grant' });
        refreshTokens.delete(token); // rotated: a refresh token is used once
        return json(res, 200, await tokensFor(user));
      }
      json(res, 400, { error: 'unsupported_grant_type' });
    },
    'GET /logout': async (_req, res, url) => {
      const target = url.searchParams.get('post_logout_redirect_uri');
      if (target !== null && isLoopbackUrl(target)) {
        const back = new URL(target);
        const state = url.searchParams.get('state');
        if (state !== null) back.searchParams.set('state', state);
        return redirect(res, back.toString());
      }
      html(res, 200, signedOutPage());
    },
  };

  return async (req, res, url) => {
    if (!url.pathname.startsWith(`${base}/`)) return false;
    const route = routes[`${req.method} ${url.pathname.slice(base.length)}`];
    if (route === undefined) return false;
    await route(req, res, url);
    return true;
  };
};

const pickParams = (source: URLSearchParams): AuthorizeParams =>
  Object.fromEntries(AUTHORIZE_PARAMS.map((name) => [name, source.get(name) ?? ''])) as AuthorizeParams;

/** What is wrong with an authorization request, in words a person reads; undefined when it is fine. */
const checkAuthorizeRequest = (params: AuthorizeParams, clientId: string): string | undefined => {
  if (params.client_id !== clientId) return '未知的客户端 (unknown client_id)';
  if (!isLoopbackUrl(params.redirect_uri)) return '回调地址无效 (redirect_uri must be a loopback URL)';
  if (params.response_type !== 'code') return '仅支持授权码模式 (response_type must be code)';
  if (params.code_challenge === '' || params.code_challenge_method !== 'S256')
    return '需要 PKCE (code_challenge with method S256 is required)';
  return undefined;
};

const checkCodeExchange = (
  pending: PendingCode | undefined,
  form: URLSearchParams,
  clientId: string,
): string | undefined => {
  if (pending === undefined) return 'unknown, used or expired code';
  if (form.get('client_id') !== clientId) return 'client_id does not match';
  if (form.get('redirect_uri') !== pending.redirectUri) return 'redirect_uri does not match';
  const verifier = form.get('code_verifier') ?? '';
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return verifier !== '' && challenge === pending.codeChallenge ? undefined : 'PKCE verification failed';
};

/** A code is single-use: taken out of the map whatever the outcome. */
const takeCode = (codes: Map<string, PendingCode>, code: string): PendingCode | undefined => {
  const pending = codes.get(code);
  codes.delete(code);
  return pending !== undefined && pending.expiresAt > Date.now() ? pending : undefined;
};

const listUsers = (options: OidcProviderOptions) =>
  options.users().map((user) => ({
    username: user.username,
    name: options.displayNames[user.username] ?? user.username,
    // An enterprise account holds no role: the page names its group instead (docs/users.md).
    role: user.groups[0] ?? (user.enterprise === undefined ? '' : ENTERPRISE_GROUP),
  }));

export const discovery = (issuer: string) => ({
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  jwks_uri: `${issuer}/jwks.json`,
  end_session_endpoint: `${issuer}/logout`,
  response_types_supported: ['code'],
  grant_types_supported: ['authorization_code', 'refresh_token'],
  code_challenge_methods_supported: ['S256'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['ES256'],
  scopes_supported: ['openid', 'profile'],
  token_endpoint_auth_methods_supported: ['none'],
  claims_supported: [
    'sub',
    'cognito:username',
    'cognito:groups',
    'custom:department',
    'custom:enterprise',
    'nonce',
  ],
});

const isLoopbackUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
    );
  } catch {
    return false;
  }
};

const randomToken = () => randomBytes(32).toString('base64url');

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) break; // a sign-in form is tiny
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

// The app may run on another origin (the Vite dev server), so the endpoints it fetches allow any.
const CORS = { 'access-control-allow-origin': '*' };

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { ...CORS, 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

const html = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
};

const redirect = (res: ServerResponse, location: string) => {
  res.writeHead(302, { location, 'cache-control': 'no-store' });
  res.end();
};
