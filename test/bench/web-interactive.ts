import type { Browser } from 'playwright-core';

/** A mid-range phone on a slow mobile network, as Lighthouse's mobile profile throttles. */
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
const QUIET_MS = 500;

/**
 * Milliseconds from navigation until the first screen is interactive: its main control is visible
 * and no long task (> 50 ms) has run for 500 ms — the later of the two (a TTI approximation).
 * The deputy is already signed in (a stored session and configuration), as on every start after the first.
 */
export const measureInteractive = async (browser: Browser, url: string, selector: string, origin: string) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  await context.addInitScript(`(() => {
    const key = 'oidc.user:${origin}/oidc:bench';
    const user = {
      id_token: 'bench.id.token', access_token: 'bench', token_type: 'Bearer', scope: 'openid',
      profile: { sub: 'bench', 'cognito:username': 'bench', 'cognito:groups': ['deputy'] },
      expires_at: Math.floor(Date.now() / 1000) + 3600,
    };
    if (location.origin === '${origin}') {
      localStorage.setItem(key, JSON.stringify(user));
      localStorage.setItem('qs.config', JSON.stringify({ apiUrl: 'http://127.0.0.1:9', issuer: '${origin}/oidc', clientId: 'bench', scope: 'openid', baseMap: null }));
    }
    window.__longTaskEnd = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTaskEnd = Math.max(window.__longTaskEnd, entry.startTime + entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  })()`);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 });
    const visibleAt = (await page.evaluate('performance.now()')) as number;
    for (;;) {
      const [now, lastLong] = (await page.evaluate('[performance.now(), window.__longTaskEnd]')) as [
        number,
        number,
      ];
      if (now - Math.max(visibleAt, lastLong) >= QUIET_MS) {
        if (process.env.BENCH_WEB_DEBUG) console.log({ visibleAt, lastLong });
        return Math.max(visibleAt, lastLong);
      }
      await page.waitForTimeout(100);
    }
  } finally {
    await context.close();
  }
};
