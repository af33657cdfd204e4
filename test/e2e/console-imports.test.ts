import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../../infra/local/web-build.ts';
import { launchChromium, screenshot } from '../support/browser.ts';
import { importDriver, utilityCsv } from '../support/imports.ts';
import { PROJECT_ROOT, startTestStack, type TestStack } from '../support/local-stack.ts';
import { act, checkDialog, openPath, signInConsole } from './console-support.ts';
import { checkPage } from './deputy-support.ts';

/** An account meter: the meter a utility account's monthly kWh stand for (docs/imports.md). */
const ACCOUNT_METER = {
  id: 'MTR-E2EA',
  enterpriseId: 'ENT-0004',
  facilityId: 'FAC-0004',
  name: '供电账户端到端',
  energyType: 'electricity',
  unit: 'kWh',
  readingKind: 'interval',
  gridRegion: 'CN-SOUTH',
  expectedIntervalSeconds: 604_800,
};

/**
 * The header's name, tags and sign-out each stay whole on one line, on screen and clear of the
 * folded menu's trigger (a long username once broke and ran off the left edge under the trigger).
 */
const expectHeaderFits = async (page: Page) => {
  const trigger = await page.locator('.ant-layout-sider-zero-width-trigger').boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  // Each item's extent as laid out, over its text and boxes (a wrapped word adds a line).
  const parts =
    (await page.evaluate(`[...document.querySelectorAll('.qs-header .ant-space-item')].map((item) => {
    const range = document.createRange();
    range.selectNodeContents(item);
    const rects = [...range.getClientRects()];
    return {
      name: item.textContent,
      left: Math.min(...rects.map((r) => r.left)),
      right: Math.max(...rects.map((r) => r.right)),
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
  })`)) as { name: string; left: number; right: number; top: number; bottom: number }[];
  expect(parts.map((part) => part.name)).toContain('enterprise-zhao');
  for (const { name, left, right, top, bottom } of parts) {
    expect(bottom - top, `${name} on one line`).toBeLessThan(40);
    expect(left >= 0 && right <= width, `${name} on screen`).toBe(true);
    if (trigger === null) continue;
    const apart =
      left >= trigger.x + trigger.width || top >= trigger.y + trigger.height || bottom <= trigger.y;
    expect(apart, `${name} clear of the menu trigger`).toBe(true);
  }
};

/**
 * 数据导入 in the console, in Debian's Chromium against the local stack (issue 22): an admin maps a
 * utility account to its account meter, uploads a small CSV with one bad row, watches the progress
 * finish, reads the refused row and its reason, downloads the refused rows as CSV and withdraws the
 * import; the demo enterprise account gets the console with this module alone, imports for its own
 * enterprise (a row of another enterprise's account refused), and cannot open the admin's import.
 */
describe('imports in the console', () => {
  let t: TestStack;
  let browser: Browser;
  let consoleUrl: string;
  /** The admin's import (ENT-0004's account), which the enterprise account must not see. */
  let adminsImport = '';

  beforeAll(async () => {
    await ensureWebBuilt(PROJECT_ROOT, () => undefined);
    [t, browser] = await Promise.all([startTestStack(), launchChromium()]);
    consoleUrl = `${t.stack.urls.api}/console/`;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lets an admin map an account, import a file with a bad row, download the refused rows and withdraw it', async () => {
    const drive = importDriver(t, t.stack.users.admin.token);
    // The account meter is the registry's (its own e2e covers that page); ENT-0004 has no electricity meter.
    const meter = await drive.json('/meters', 'POST', ACCOUNT_METER);
    expect(meter.status).toBe(201);

    const { context, page } = await signInConsole(browser, consoleUrl, 'admin');
    await openPath(page, consoleUrl, 'imports/accounts', '导入账户映射');
    await page.getByRole('button', { name: '新增账户映射' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('账户编号', { exact: true }).fill('GD-POWER-E2E');
    // The meter list is long (a virtual list): the search narrows it to the one meter.
    const meters = dialog.getByLabel('账户计量点（每种能源一个；能源统计报表可选多个）', { exact: true });
    await meters.click();
    await meters.fill('MTR-E2EA');
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText('供电账户端到端（MTR-E2EA，电力，ENT-0004）', { exact: true })
      .click();
    // A multiple select stays open after a pick: a click into the name closes it.
    await dialog.getByLabel('名称', { exact: true }).fill('青山物流 供电户');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await checkDialog(page, 'i01-imports-account');
    await dialog.getByRole('button', { name: '保存映射' }).click();
    await page.getByText('已保存账户映射 GD-POWER-E2E（以导入为准）').waitFor();
    await page.getByRole('cell', { name: '电力：MTR-E2EA' }).waitFor();
    await checkPage(page, 'i02-imports-accounts');

    await openPath(page, consoleUrl, 'imports', '数据导入');
    await page.getByRole('link', { name: '下载供电/供气月度用量模板' }).waitFor();
    await page.getByLabel(/^文件（CSV/).setInputFiles({
      name: '供电月报-端到端.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(utilityCsv(['GD-POWER-E2E,2026-09,30000,kWh', 'NO-SUCH-ACCOUNT,2026-09,100,kWh'])),
    });
    await checkPage(page, 'i03-imports-upload');
    await page.getByRole('button', { name: '上传并开始导入' }).click();
    await page.getByRole('heading', { level: 1, name: '导入：供电月报-端到端.csv' }).waitFor();
    adminsImport = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    // The stack's scheduler runs the job each minute; running it now saves the wait. The page polls.
    await drive.runJob();
    await page.getByText('已完成', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText('2 / 2 行').waitFor();
    const refused = page.getByRole('row', { name: /NO-SUCH-ACCOUNT/ });
    await refused.getByText('账户未登记').waitFor();
    await expect.poll(() => refused.textContent()).toMatch(/^3账户未登记[\p{Script=Han}]/u);
    await checkPage(page, 'i04-imports-report');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载被拒绝的行/ }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\r\n')[1]).toMatch(/^NO-SUCH-ACCOUNT,2026-09,100,kWh,3,unknown-account,/);

    await act(page, '撤回导入', () => checkDialog(page, 'i05-imports-withdraw'));
    await page.getByText('已提交撤回', { exact: false }).waitFor();
    await drive.runJob();
    await page.getByText('已撤回', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText(/恢复 1 个账户月份/).waitFor();
    await openPath(page, consoleUrl, 'imports', '数据导入');
    await page.getByRole('row', { name: /供电月报-端到端\.csv.*已撤回.*admin/ }).waitFor();
    await checkPage(page, 'i06-imports-list');
    await context.close();
  });

  it("lets the enterprise account import for its own enterprise, and nothing of another's", async () => {
    const drive = importDriver(t, t.stack.users.admin.token);
    // ENT-0001's utility account, mapped by the admin (an account meter beside its own meters).
    const meter = { ...ACCOUNT_METER, id: 'MTR-E2EZ', enterpriseId: 'ENT-0001', facilityId: 'FAC-0001' };
    expect((await drive.json('/meters', 'POST', meter)).status).toBe(201);
    const mapping = { kind: 'utility-monthly', meters: { electricity: 'MTR-E2EZ' } };
    expect((await drive.json('/import-accounts/GD-ZHAO-E2E', 'PUT', mapping)).status).toBe(200);

    // The sign-in page names it, and its enterprise, in Chinese.
    const { context, page } = await signInConsole(browser, consoleUrl, 'enterprise-zhao', async (signIn) => {
      const choice = signIn.locator('button[value="enterprise-zhao"]');
      expect
        .soft(await choice.textContent())
        .toMatch(/^青山精密金属结构有限公司 企业账号 赵（ENT-0001）企业账号/);
      await screenshot(signIn, 'i07-imports-enterprise-sign-in');
    });
    await page.getByRole('heading', { level: 1, name: '数据导入' }).waitFor();
    await page.getByText('本企业：ENT-0001').waitFor();
    expect(await page.getByRole('menuitem').allTextContents()).toEqual(['数据导入', '导入文件']);
    expect(await page.getByRole('link', { name: '供电月报-端到端.csv' }).count()).toBe(0);

    // A row of another enterprise's account (the admin's, ENT-0004) is refused like an unknown one.
    await page.getByLabel(/^文件（CSV/).setInputFiles({
      name: '赵-供电月报.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(utilityCsv(['GD-ZHAO-E2E,2026-08,12000,kWh', 'GD-POWER-E2E,2026-08,500,kWh'])),
    });
    await page.getByRole('button', { name: '上传并开始导入' }).click();
    await page.getByRole('heading', { level: 1, name: '导入：赵-供电月报.csv' }).waitFor();
    await drive.runJob();
    await page.getByText('已完成', { exact: true }).waitFor({ timeout: 30_000 });
    await page
      .getByRole('row', { name: /GD-POWER-E2E/ })
      .getByText('账户未登记')
      .waitFor();
    await page.getByRole('button', { name: '撤回导入' }).waitFor();
    await checkPage(page, 'i08-imports-enterprise-report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载被拒绝的行/ }).click(),
    ]);
    expect((await readFile(await download.path(), 'utf8')).split('\r\n')[1]).toMatch(/^GD-POWER-E2E,/);

    // Another enterprise's import, and the pages of other roles, stay closed (the API refuses too).
    await openPath(page, consoleUrl, `imports/${adminsImport}`, `导入 ${adminsImport}`);
    await page.getByText(/导入不存在/).waitFor();
    await checkPage(page, 'i09-imports-enterprise-not-theirs');
    await openPath(page, consoleUrl, 'imports/accounts', '无权访问');
    await openPath(page, consoleUrl, 'cases?view=all', '无权访问');

    // A phone: the menu folds away, the list scrolls sideways inside its table.
    await page.setViewportSize({ width: 360, height: 740 });
    await openPath(page, consoleUrl, 'imports', '数据导入');
    await page.getByRole('row', { name: /赵-供电月报\.csv.*已完成.*enterprise-zhao/ }).waitFor();
    await expectHeaderFits(page);
    expect(await page.getByRole('row').count()).toBe(2);
    await checkPage(page, 'i10-imports-enterprise-phone');
    await page.getByRole('link', { name: '赵-供电月报.csv' }).click();
    await page.getByRole('heading', { level: 1, name: '导入：赵-供电月报.csv' }).waitFor();
    await checkPage(page, 'i11-imports-enterprise-report-phone');
    await context.close();
  });
});
