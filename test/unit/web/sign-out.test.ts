import { describe, expect, it } from 'vitest';
import { hostedLogoutUrl } from '../../../web/src/shared/sign-out.ts';

describe('signing out', () => {
  it('ends Cognito’s hosted session through its /logout with client_id and logout_uri', () => {
    const url = new URL(
      hostedLogoutUrl(
        'https://qs-dev.auth.ap-east-1.amazoncognito.com',
        'web-client',
        'https://d1.cloudfront.net/app/',
      ) ?? '',
    );
    expect(url.origin + url.pathname).toBe('https://qs-dev.auth.ap-east-1.amazoncognito.com/logout');
    expect(url.searchParams.get('client_id')).toBe('web-client');
    expect(url.searchParams.get('logout_uri')).toBe('https://d1.cloudfront.net/app/');
  });

  it('leaves other issuers to the OIDC sign-out', () => {
    expect(hostedLogoutUrl(undefined, 'web-client', 'http://127.0.0.1:3000/app/')).toBeUndefined();
    expect(hostedLogoutUrl('', 'web-client', 'http://127.0.0.1:3000/app/')).toBeUndefined();
  });
});
