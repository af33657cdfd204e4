import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { ENTERPRISE_GROUP, type Role } from '../../shared/domain/roles.ts';
import { verifiedTokens } from './verified-tokens.ts';

/** Stands in for the Cognito user pool: same claims as a Cognito ID token, signed with a local key. */
export const LOCAL_ISSUER = 'https://cognito-idp.local/qingshan-local';
export const LOCAL_CLIENT_ID = 'qingshan-local-client';
const ALGORITHM = 'ES256';

export interface LocalUser {
  sub: string;
  username: string;
  groups: Role[];
  department?: string;
  /** An enterprise account's enterprise: `custom:enterprise`, and the group `enterprise` beside `groups`. */
  enterprise?: string;
}

export interface IssueOptions {
  ttlSeconds?: number;
  now?: Date;
  /** Echoed in the token when the sign-in flow asked for one (OIDC replay protection). */
  nonce?: string;
}

export interface LocalIssuer {
  /** The `iss` of every token: the OIDC issuer URL when the local gateway serves one. */
  url: string;
  issueToken(user: LocalUser, options?: IssueOptions): Promise<string>;
  /** Verifies as the HTTP API JWT authorizer would: signature, issuer, audience, expiry. */
  verify(token: string): Promise<JWTPayload | undefined>;
  jwks(): { keys: JWK[] };
}

/**
 * Loads the signing key from the data folder (so tokens survive a restart) or creates one. `issuer`
 * is the URL the tokens name (the local OIDC endpoints, infra/local/oidc-provider.ts).
 */
export const openLocalIssuer = async (dataDir: string, issuer = LOCAL_ISSUER): Promise<LocalIssuer> => {
  const keyFile = join(dataDir, 'issuer-key.json');
  const { privateJwk, publicJwk } = await loadOrCreateKeys(keyFile);
  const privateKey = await importJWK(privateJwk, ALGORITHM);
  const publicKey = await importJWK(publicJwk, ALGORITHM);
  const verified = verifiedTokens();
  return {
    url: issuer,
    issueToken: async (user, options = {}) => {
      const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
      return new SignJWT({
        'cognito:username': user.username,
        'cognito:groups': user.enterprise === undefined ? user.groups : [...user.groups, ENTERPRISE_GROUP],
        ...(user.department === undefined ? {} : { 'custom:department': user.department }),
        ...(user.enterprise === undefined ? {} : { 'custom:enterprise': user.enterprise }),
        token_use: 'id',
        auth_time: now,
        ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
      })
        .setProtectedHeader({ alg: ALGORITHM, kid: publicJwk.kid ?? 'local' })
        .setSubject(user.sub)
        .setIssuer(issuer)
        .setAudience(LOCAL_CLIENT_ID)
        .setIssuedAt(now)
        .setExpirationTime(now + (options.ttlSeconds ?? 12 * 3600))
        .sign(privateKey);
    },
    verify: async (token) => {
      const known = verified.get(token, Date.now());
      if (known !== undefined) return known;
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer,
          audience: LOCAL_CLIENT_ID,
          algorithms: [ALGORITHM],
        });
        verified.set(token, payload);
        return payload;
      } catch {
        return undefined;
      }
    },
    jwks: () => ({ keys: [publicJwk] }),
  };
};

const loadOrCreateKeys = async (keyFile: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> => {
  try {
    return JSON.parse(await readFile(keyFile, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
  } catch {
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const kid = `local-${Date.now().toString(36)}`;
    const keys = {
      privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM },
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM },
    };
    await mkdir(join(keyFile, '..'), { recursive: true });
    await writeFile(keyFile, JSON.stringify(keys), { mode: 0o600 });
    return keys;
  }
};
