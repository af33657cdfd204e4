/**
 * Where signing out sends the browser. Cognito's hosted sign-in publishes no `end_session_endpoint`
 * in its discovery document, so the OIDC sign-out cannot find it; its own `/logout` takes `client_id`
 * and `logout_uri` (which must be one of the client's sign-out URLs) and ends the hosted session, so
 * the next person on a shared device is asked to sign in. Other issuers: undefined, OIDC sign-out.
 */
export const hostedLogoutUrl = (
  signInUrl: string | undefined,
  clientId: string,
  returnTo: string,
): string | undefined => {
  if (signInUrl === undefined || signInUrl === '') return undefined;
  const url = new URL('logout', signInUrl.endsWith('/') ? signInUrl : `${signInUrl}/`);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('logout_uri', returnTo);
  return url.toString();
};
