import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../../infra/local/web-build.ts';
import { launchChromium } from '../support/browser.ts';
import { PROJECT_ROOT, startTestStack, type TestStack } from '../support/local-stack.ts';
import { publishAs } from '../support/telemetry-client.ts';
import { openPath, signInConsole } from './console-support.ts';
import { checkPage } from './deputy-support.ts';

/**
 * The carbon brain in the console, in Debian's Chromium against the local stack: a meter's readings
 * go in over MQTT, then a supervisor reads the month, drills from the city to that meter and traces
 * its figure to the message, its readings and the grid factor with its source.
 */
const localMonth = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(instant)
    .slice(0, 7);

describe('carbon brain in the console', () => {
  let t: TestStack;
  let browser: Browser;
  let consoleUrl: string;

  beforeAll(async () => {
    await ensureWebBuilt(PROJECT_ROOT, () => undefined);
    [t, browser] = await Promise.all([startTestStack(), launchChromium()]);
    consoleUrl = `${t.stack.urls.api}/console/`;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('drills from the city to a meter and traces its figure to the readings and the factor', async () => {
    const at = new Date(Date.now() - 10 * 60_000);
    const period = localMonth(at);
    await publishAs(t, 'MTR-0001', [
      { messageId: 'e2e-carbon-1', readings: [{ ts: at.toISOString(), quantity: 1000 }] },
    ]);

    const { context, page } = await signInConsole(browser, consoleUrl, 'supervisor-wang');
    // The month is in the URL: a bookmark opens the same view.
    await openPath(page, consoleUrl, `carbon?period=${period}`, '碳排放：全区');
    await page.getByText('碳排放（基于位置）').first().waitFor();
    await page.getByText('有数据的计量器具').waitFor();
    await page.getByRole('link', { name: 'C3311（制造业）' }).first().waitFor();
    await checkPage(page, 'k01-carbon-city');

    await page.getByRole('link', { name: 'C3311（制造业）' }).first().click();
    await page.getByRole('heading', { level: 1, name: '碳排放：C3311（制造业）' }).waitFor();
    await page.getByRole('link', { name: '青山精密金属结构有限公司' }).first().click();
    await page.getByRole('heading', { level: 1, name: '碳排放：青山精密金属结构有限公司' }).waitFor();
    await page.getByRole('link', { name: '总进线电表（MTR-0001）' }).first().click();
    await page.getByRole('heading', { level: 1, name: '碳排放：总进线电表（MTR-0001）' }).waitFor();
    const crumbs = page.getByRole('navigation', { name: '下钻路径' });
    for (const name of ['全区', 'C3311（制造业）', '青山精密金属结构有限公司'])
      await crumbs.getByRole('link', { name }).waitFor();
    expect(page.url()).toContain(`level=meter&id=MTR-0001&period=${period}`);
    await page.getByText('电力').first().waitFor();
    await checkPage(page, 'k02-carbon-meter');

    await page.getByRole('link', { name: '碳排放（基于位置） 溯源' }).click();
    await page.getByRole('heading', { level: 1, name: `溯源：计量器具 MTR-0001 ${period}` }).waitFor();
    const row = page.getByRole('row', { name: /e2e-carbon-1/ });
    await row.waitFor();
    await row.getByRole('button').first().click();
    await page.getByText('读数（1 条）').waitFor();
    await page.getByRole('cell', { name: '1000', exact: true }).waitFor();
    // The grid factor the figure rests on, with its published source.
    const factors = page.locator('.ant-card', { hasText: '排放因子版本与来源' });
    await factors
      .getByRole('cell', { name: /电力二氧化碳排放因子/ })
      .first()
      .waitFor();
    await checkPage(page, 'k03-carbon-trace');

    await openPath(page, consoleUrl, 'carbon/alerts', '碳排放告警');
    await checkPage(page, 'k04-carbon-alerts');
    await context.close();
  });
});
