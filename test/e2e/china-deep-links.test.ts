import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';

/**
 * CloudFront in the China regions has no route function (infra/constructs/web-edge.ts): a missing key
 * is answered with the deputies' shell, 200. This server does the same over the built web/dist, so a
 * staff console deep link is seen to reach the console with its path, query and hash intact.
 */
const DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const chinaLikeOrigin = (): Server =>
  createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://cn').pathname;
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          apiUrl: '/api',
          issuer: 'http://127.0.0.1:9/oidc',
          clientId: 'web',
          scope: 'openid',
          baseMap: null,
        }),
      );
      return;
    }
    const file = await readFile(join(DIST, normalize(path))).catch(() => undefined);
    const body = file ?? (await readFile(join(DIST, 'app', 'index.html')));
    res.writeHead(200, {
      'content-type': TYPES[file === undefined ? '.html' : extname(path)] ?? 'application/octet-stream',
    });
    res.end(body);
  });

describe('China hosting: console deep links without a route function', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    server = chinaLikeOrigin();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('hands a console route served the deputies’ shell on to the console, path and query intact', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/console/cases/C-1?state=open#top`);
    await page.waitForURL((url) => url.pathname === '/console/cases/C-1');
    expect(new URL(page.url()).search).toBe('?state=open');
    expect(new URL(page.url()).hash).toBe('#top');
    expect(await page.title()).toBe('青山 工作台');
    await page.close();
  });

  it('leaves the deputies’ routes to the deputies’ shell', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/app/cases/C-1`);
    expect(new URL(page.url()).pathname).toBe('/app/cases/C-1');
    expect(await page.title()).toBe('青山 随手拍');
    await page.close();
  });
});
