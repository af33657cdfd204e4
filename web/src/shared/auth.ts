import type { UserManager } from 'oidc-client-ts';
import type { AppConfig } from './config.ts';
import { hostedLogoutUrl } from './sign-out.ts';

/**
 * Sign-in with the authorization-code flow and PKCE (oidc-client-ts) against the configured issuer:
 * Cognito's hosted UI, a government identity platform, or the local issuer. The user is kept in
 * localStorage so a deputy stays signed in offline; the API gets the ID token (it carries the
 * groups and department claims, as Cognito's does).
 */
export interface Session {
  userId: string;
  username: string;
  roles: string[];
  departmentId?: string;
  /** An enterprise account's enterprise (group `enterprise`, no role; docs/users.md). */
  enterpriseId?: string;
  idToken: string;
  expired: boolean;
}

export interface Auth {
  session(): Promise<Session | undefined>;
  signIn(returnTo?: string): Promise<void>;
  /** Handles the redirect back from the issuer; resolves to the path to return to. */
  completeSignIn(): Promise<string>;
  /** A new token with the refresh token, when the issuer gave one. */
  refresh(): Promise<Session | undefined>;
  signOut(): Promise<void>;
}

export const createAuth = (config: AppConfig, shellPath: string): Auth => {
  const origin = window.location.origin;
  // oidc-client-ts is loaded only to sign in, refresh or sign out: a start with a stored session
  // reads it directly (below), so the library stays off the first screen's critical path.
  let loaded: Promise<UserManager> | undefined;
  const manager = () => {
    loaded ??= import('oidc-client-ts').then(
      ({ UserManager, WebStorageStateStore }) =>
        new UserManager({
          authority: config.issuer,
          client_id: config.clientId,
          redirect_uri: `${origin}${shellPath}callback`,
          post_logout_redirect_uri: `${origin}${shellPath}`,
          response_type: 'code',
          scope: config.scope,
          userStore: new WebStorageStateStore({ store: window.localStorage }),
          loadUserInfo: false,
          automaticSilentRenew: false,
        }),
    );
    return loaded;
  };
  return {
    session: async () => toSession(storedUser(config), config),
    signIn: async (returnTo) =>
      (await manager()).signinRedirect({ state: { returnTo: returnTo ?? shellPath } }),
    completeSignIn: async () => {
      const user = await (await manager()).signinRedirectCallback();
      const state = user.state as { returnTo?: string } | undefined;
      return state?.returnTo ?? shellPath;
    },
    refresh: async () => {
      try {
        return toSession(await (await manager()).signinSilent(), config);
      } catch {
        return undefined;
      }
    },
    signOut: async () => {
      const users = await manager();
      const user = await users.getUser();
      await users.removeUser();
      const hosted = hostedLogoutUrl(config.signInUrl, config.clientId, `${origin}${shellPath}`);
      if (hosted !== undefined) {
        window.location.assign(hosted);
        return;
      }
      await users.signoutRedirect(user?.id_token === undefined ? {} : { id_token_hint: user.id_token });
    },
  };
};

/** What oidc-client-ts keeps of a signed-in user (its `User`, as stored). */
interface StoredUser {
  id_token?: string;
  expires_at?: number;
  profile: { sub: string } & Record<string, unknown>;
}

/** oidc-client-ts's own storage key for the user: `oidc.user:<authority>:<client_id>`. */
const storedUser = (config: AppConfig): StoredUser | null => {
  const raw = localStorage.getItem(`oidc.user:${config.issuer}:${config.clientId}`);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as StoredUser;
  } catch {
    return null;
  }
};

const toSession = (user: StoredUser | null, config: AppConfig): Session | undefined => {
  if (user === null || user.id_token === undefined) return undefined;
  const claims = user.profile as Record<string, unknown>;
  const groups = claims[config.claims?.groups ?? 'cognito:groups'];
  const department = claims[config.claims?.department ?? 'custom:department'];
  const enterprise = claims[config.claims?.enterprise ?? 'custom:enterprise'];
  return {
    userId: user.profile.sub,
    username: String(claims['cognito:username'] ?? user.profile.sub),
    roles: Array.isArray(groups) ? groups.map(String) : [],
    ...(typeof department === 'string' ? { departmentId: department } : {}),
    ...(typeof enterprise === 'string' ? { enterpriseId: enterprise } : {}),
    idToken: user.id_token,
    expired: user.expires_at !== undefined && user.expires_at * 1000 <= Date.now(),
  };
};
