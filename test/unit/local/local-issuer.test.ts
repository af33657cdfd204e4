import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalIssuer, openLocalIssuer } from '../../../infra/local/local-issuer.ts';
import { verifiedTokens } from '../../../infra/local/verified-tokens.ts';

const USER = { sub: 'u-1', username: 'deputy-1', groups: ['deputy' as const] };

/** The local authorizer keeps verified tokens (verified-tokens.ts): it must still refuse what jose refuses. */
describe('local issuer: verified tokens kept until they expire', () => {
  let dir: string;
  let issuer: LocalIssuer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qingshan-issuer-'));
    issuer = await openLocalIssuer(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('accepts a token again, and refuses it once expired although it was accepted before', async () => {
    // Issued so that it expires within the next second or two.
    const token = await issuer.issueToken(USER, { ttlSeconds: 60, now: new Date(Date.now() - 58_000) });
    expect((await issuer.verify(token))?.sub).toBe('u-1');
    expect((await issuer.verify(token))?.sub).toBe('u-1');
    const exp = decodeJwt(token).exp as number;
    await sleep(Math.max(0, exp * 1000 - Date.now()) + 20);
    expect(await issuer.verify(token)).toBeUndefined();
  });

  it('refuses a token altered after the original was accepted', async () => {
    const token = await issuer.issueToken(USER);
    expect(await issuer.verify(token)).toBeDefined();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = { ...decodeJwt(token), 'cognito:groups': ['admin'] };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(payload).not.toBe(forged.split('.')[1]);
    expect(await issuer.verify(forged)).toBeUndefined();
    expect(await issuer.verify(`${token.slice(0, -2)}AA`)).toBeUndefined();
  });

  it('refuses a token of another key, and keeps no refusal', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'qingshan-issuer-'));
    try {
      const other = await openLocalIssuer(otherDir);
      const foreign = await other.issueToken(USER);
      expect(await issuer.verify(foreign)).toBeUndefined();
      expect(await issuer.verify(foreign)).toBeUndefined();
      expect(await other.verify(foreign)).toBeDefined();
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('holds at most its bound, the oldest leaving first', () => {
    const kept = verifiedTokens(2);
    const exp = Math.floor(Date.now() / 1000) + 60;
    for (const token of ['a', 'b', 'c']) kept.set(token, { sub: token, exp });
    expect(kept.get('a', Date.now())).toBeUndefined();
    expect(kept.get('c', Date.now())?.sub).toBe('c');
    kept.set('no-expiry', { sub: 'x' });
    expect(kept.get('no-expiry', Date.now())).toBeUndefined();
  });
});
