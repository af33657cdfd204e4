import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTableName } from '../../infra/local/environment.ts';
import { DynamoDeputyDirectory } from '../../shared/adapters/dynamodb/deputy-directory.ts';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

/**
 * The local issuer as an OIDC provider: the flow the web app runs, driven here with fetch. GET
 * /deputies rides along: one stack per file (the handlers' SDK clients live in the process).
 */
describe('local OIDC issuer, and the deputy directory it signs users of', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(async () => t?.close());

  const clientId = 'qingshan-local-client';
  const redirectUri = 'http://127.0.0.1:5173/app/callback';

  const signIn = async (username: string, verifier: string, challenge = pkce(verifier)) => {
    const discovery = (await (
      await fetch(`${t.stack.urls.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    const params = {
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid profile',
      state: 'st-1',
      nonce: 'n-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    const page = await fetch(`${discovery.authorization_endpoint ?? ''}?${new URLSearchParams(params)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`value="${username}"`);
    const chosen = await fetch(discovery.authorization_endpoint ?? '', {
      method: 'POST',
      body: new URLSearchParams({ ...params, username }),
      redirect: 'manual',
    });
    expect(chosen.status).toBe(302);
    const back = new URL(chosen.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('st-1');
    return {
      discovery: discovery as Record<string, string> & { token_endpoint: string },
      code: back.searchParams.get('code') ?? '',
    };
  };

  const exchange = (tokenEndpoint: string, code: string, verifier: string) =>
    fetch(tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: clientId,
        code_verifier: verifier,
      }),
    });

  it('signs a demo deputy in with code + PKCE; the token names the issuer URL and the API accepts it', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const { discovery, code } = await signIn('deputy-zhao', verifier);
    expect(discovery.issuer).toBe(t.stack.urls.issuer);
    const tokens = (await (await exchange(discovery.token_endpoint, code, verifier)).json()) as Record<
      string,
      string
    >;
    const claims = decodeJwt(tokens.id_token ?? '');
    expect(claims.iss).toBe(t.stack.urls.issuer);
    expect(claims.aud).toBe(clientId);
    expect(claims.nonce).toBe('n-1');
    expect(claims['cognito:groups']).toEqual(['deputy']);

    const deputies = await t.api('/deputies', { token: tokens.id_token ?? '' });
    expect(deputies.status).toBe(200);
    const names = ((await deputies.json()) as { items: { name: string }[] }).items.map(
      (d: { name: string }) => d.name,
    );
    expect(names).toEqual(expect.arrayContaining(['李代表', '赵代表']));

    // The code is single-use.
    expect((await exchange(discovery.token_endpoint, code, verifier)).status).toBe(400);
    // A refresh token gives new tokens once.
    const refresh = () =>
      fetch(discovery.token_endpoint, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' }),
      });
    expect((await refresh()).status).toBe(200);
    expect((await refresh()).status).toBe(400);
  });

  it('refuses a code exchanged with the wrong PKCE verifier', async () => {
    const { discovery, code } = await signIn('deputy-li', randomBytes(32).toString('base64url'));
    const response = await exchange(discovery.token_endpoint, code, randomBytes(32).toString('base64url'));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('refuses an authorization request to a non-loopback redirect or without PKCE', async () => {
    const base = { client_id: clientId, response_type: 'code', code_challenge_method: 'S256' };
    const elsewhere = new URLSearchParams({
      ...base,
      redirect_uri: 'https://evil.example/cb',
      code_challenge: 'x',
    });
    expect((await fetch(`${t.stack.urls.issuer}/authorize?${elsewhere}`)).status).toBe(400);
    const noPkce = new URLSearchParams({ ...base, redirect_uri: redirectUri, code_challenge: '' });
    expect((await fetch(`${t.stack.urls.issuer}/authorize?${noPkce}`)).status).toBe(400);
  });

  it('keeps the printed role tokens working, and serves the runtime config', async () => {
    const response = await t.api('/cases', { token: t.stack.users.deputy.token });
    expect(response.status).toBe(200);
    const config = await (await t.api('/config.json')).json();
    expect(config).toMatchObject({ apiUrl: t.stack.urls.api, issuer: t.stack.urls.issuer, clientId });
  });

  it('lists the active deputies to deputies and staff, never an inactive one', async () => {
    const directory = new DynamoDeputyDirectory(t.dynamo, localTableName('registry'));
    await directory.putDeputy({ id: 'deputy-retired', name: '钱代表', status: 'inactive' });
    await directory.putDeputy({
      id: 'deputy-sun',
      name: '孙代表',
      delegation: '第三代表团',
      status: 'active',
    });
    for (const role of ['deputy', 'handler', 'supervisor'] as const) {
      const response = await t.api('/deputies', { token: t.stack.users[role].token });
      expect(response.status).toBe(200);
      const { items } = (await response.json()) as {
        items: { id: string; name: string; delegation?: string }[];
      };
      expect(items.map((d) => d.name).sort()).toEqual(['孙代表', '李代表', '赵代表'].sort());
      expect(items.find((d) => d.id === 'deputy-sun')).toEqual({
        id: 'deputy-sun',
        name: '孙代表',
        delegation: '第三代表团',
      });
    }
    expect((await t.api('/deputies')).status).toBe(401);
  });

  /** Users' roles (docs/users.md): the API writes the local issuer's directory, audited. */
  const setRoles = (username: string, body: unknown, token = t.stack.users.admin.token) =>
    t.api(`/users/${username}/roles`, {
      method: 'PUT',
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it("changes a user's roles in the local directory, audited; the next sign-in carries them", async () => {
    const admin = t.stack.users.admin.token;
    const listed = (await (await t.api('/users', { token: admin })).json()) as {
      directory: string;
      writable: boolean;
      users: { username: string; roles: string[]; departmentId?: string }[];
    };
    expect(listed).toMatchObject({ directory: 'local', writable: true });
    expect(listed.users.find((u) => u.username === 'handler-eco')).toMatchObject({
      roles: ['handler'],
      departmentId: 'dept-ecology',
    });

    const changed = await setRoles('handler-eco', { roles: ['head'], departmentId: 'dept-ecology' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ username: 'handler-eco', roles: ['head'] });
    const verifier = randomBytes(32).toString('base64url');
    const { discovery, code } = await signIn('handler-eco', verifier);
    const tokens = (await (await exchange(discovery.token_endpoint, code, verifier)).json()) as {
      id_token: string;
    };
    expect(decodeJwt(tokens.id_token)).toMatchObject({
      'cognito:groups': ['head'],
      'custom:department': 'dept-ecology',
    });

    const log = (await (await t.api('/users/role-changes', { token: admin })).json()) as {
      items: unknown[];
    };
    expect(log.items[0]).toMatchObject({
      actorName: 'admin',
      username: 'handler-eco',
      before: { roles: ['handler'], departmentId: 'dept-ecology' },
      after: { roles: ['head'], departmentId: 'dept-ecology' },
    });
  });

  it('refuses role changes from non-admins, to oneself, and without a known department', async () => {
    expect((await t.api('/users', { token: t.stack.users.supervisor.token })).status).toBe(403);
    expect((await setRoles('deputy-li', { roles: ['admin'] }, t.stack.users.supervisor.token)).status).toBe(
      403,
    );
    expect((await setRoles('admin', { roles: ['supervisor'] })).status).toBe(409);
    expect((await setRoles('nobody', { roles: ['supervisor'] })).status).toBe(404);
    const noDepartment = await setRoles('deputy-zhao', { roles: ['handler'] });
    expect(noDepartment.status).toBe(422);
    expect(((await noDepartment.json()) as { errors: { path: string }[] }).errors).toEqual([
      expect.objectContaining({ path: '/body/departmentId' }),
    ]);
    expect((await setRoles('deputy-zhao', { roles: ['head'], departmentId: 'dept-none' })).status).toBe(422);
  });
});

const pkce = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
