import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AppConfig } from './config.ts';

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
  const manager = new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${origin}${shellPath}callback`,
    post_logout_redirect_uri: `${origin}${shellPath}`,
    response_type: 'code',
    scope: config.scope,
    userStore: new WebStorageStateStore({ store: window.localStorage }),
    loadUserInfo: false,
    automaticSilentRenew: false,
  });
  return {
    session: async () => toSession(await manager.getUser(), config),
    signIn: (returnTo) => manager.signinRedirect({ state: { returnTo: returnTo ?? shellPath } }),
    completeSignIn: async () => {
      const user = await manager.signinRedirectCallback();
      const state = user.state as { returnTo?: string } | undefined;
      return state?.returnTo ?? shellPath;
    },
    refresh: async () => {
      try {
        return toSession(await manager.signinSilent(), config);
      } catch {
        return undefined;
      }
    },
    signOut: async () => {
      const user = await manager.getUser();
      await manager.removeUser();
      await manager.signoutRedirect(user?.id_token === undefined ? {} : { id_token_hint: user.id_token });
    },
  };
};

const toSession = (user: User | null, config: AppConfig): Session | undefined => {
  if (user === null || user.id_token === undefined) return undefined;
  const claims = user.profile as Record<string, unknown>;
  const groups = claims[config.claims?.groups ?? 'cognito:groups'];
  const department = claims[config.claims?.department ?? 'custom:department'];
  return {
    userId: user.profile.sub,
    username: String(claims['cognito:username'] ?? user.profile.sub),
    roles: Array.isArray(groups) ? groups.map(String) : [],
    ...(typeof department === 'string' ? { departmentId: department } : {}),
    idToken: user.id_token,
    expired: user.expired === true,
  };
};
