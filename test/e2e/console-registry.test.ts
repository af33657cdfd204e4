import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../../infra/local/web-build.ts';
import { computeUsccCheckCharacter } from '../../shared/domain/registry/uscc.ts';
import { launchChromium } from '../support/browser.ts';
import { PROJECT_ROOT, startTestStack, type TestStack } from '../support/local-stack.ts';
import { checkDialog, choose, openPath, signInConsole } from './console-support.ts';
import { checkPage } from './deputy-support.ts';

/**
 * The registry in the console, in Debian's Chromium against the local stack: an admin registers an
 * enterprise (its location picked on the map), a facility and a meter, edits the meter's
 * parameters, is told of a version conflict when another tab saved first, and issues the meter's
 * credentials; a supervisor sees none of it and the API refuses them.
 */
const USCC_BODY = '91440300MA5E2E0R1';
const USCC = USCC_BODY + computeUsccCheckCharacter(USCC_BODY);
const WRONG_USCC = USCC_BODY + (USCC.endsWith('0') ? '1' : '0');

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

describe('registry in the console', () => {
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

  it('lets an admin register an enterprise, a facility and a meter, edit it through a conflict and issue its credentials', async () => {
    const { context, page } = await signInConsole(browser, consoleUrl, 'admin');
    await openPath(page, consoleUrl, 'registry/enterprises?q=青山', '企业登记');
    await page.getByRole('link', { name: '青山精密金属结构有限公司' }).waitFor();
    await checkPage(page, 'r01-registry-enterprises');

    await page.getByRole('button', { name: '登记企业' }).first().click();
    const dialog = page.getByRole('dialog');
    await field(page, '企业编号（可不填，自动分配）').fill('ENT-E2E1');
    await field(page, '企业名称').fill('青山端到端测试有限公司');
    await field(page, '统一社会信用代码').fill(WRONG_USCC);
    await field(page, '行业代码（GB/T 4754-2017 小类）').fill('C3311');
    await field(page, '地址').fill('青山区测试大道 1 号');
    await dialog.getByRole('img', { name: /企业位置/ }).click();
    await dialog.getByText(/^纬度 \d/).waitFor();
    await checkDialog(page, 'r02-registry-enterprise-new');
    await dialog.getByRole('button', { name: '登记企业' }).click();
    // The API's 422 lands under the field it names, with the expected check character.
    await dialog.locator('#enterprise_uscc_help').getByText(/校验/).waitFor();
    await field(page, '统一社会信用代码').fill(USCC);
    await dialog.getByRole('button', { name: '登记企业' }).click();
    await page.getByRole('heading', { level: 1, name: '企业：青山端到端测试有限公司' }).waitFor();
    expect(page.url()).toContain('registry/enterprises/ENT-E2E1');
    await page.getByText('88.118.8/enterprise.ENT-E2E1', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: '登记设施' }).click();
    await field(page, '设施编号（可不填，自动分配）').fill('FAC-E2E1');
    await field(page, '设施名称').fill('一号车间');
    await page.getByRole('dialog').getByRole('button', { name: '登记设施' }).click();
    await page.getByText('已保存设施 FAC-E2E1，第 1 版').waitFor();
    await page.getByRole('button', { name: '修改设施 FAC-E2E1' }).click();
    await field(page, '设施名称').fill('一号总装车间');
    await page.getByRole('dialog').getByRole('button', { name: '保存设施' }).click();
    await page.getByText('已保存设施 FAC-E2E1，第 2 版').waitFor();
    await page.getByRole('cell', { name: '一号总装车间', exact: true }).waitFor();
    await checkPage(page, 'r03-registry-enterprise');

    await page.getByRole('link', { name: '登记计量器具' }).click();
    await page.getByRole('heading', { level: 1, name: '登记计量器具：青山端到端测试有限公司' }).waitFor();
    await field(page, '计量器具编号（可不填，自动分配）').fill('MTR-E2E1');
    await field(page, '名称').fill('端到端进线电表');
    await choose(page, page, '电网区域（选择电力排放因子）', '南方区域（CN-SOUTH）');
    await checkPage(page, 'r04-registry-meter-new');
    await page.getByRole('button', { name: '登记计量器具' }).click();
    await page.getByRole('heading', { level: 1, name: '计量器具：端到端进线电表（MTR-E2E1）' }).waitFor();

    await field(page, '合理性上限（每小时，计量单位；不填则按近期用量的 100 倍）').fill('500');
    await field(page, '上报间隔（秒；超过即告警离线）').fill('600');
    await page.getByRole('button', { name: '保存参数' }).click();
    await page.getByText('已保存 MTR-E2E1 的参数，第 2 版').waitFor();
    await checkPage(page, 'r05-registry-meter');

    // Another tab renames the meter first; this tab still holds version 2.
    const other = await context.newPage();
    await openPath(other, consoleUrl, 'registry/meters/MTR-E2E1', /MTR-E2E1/);
    await field(other, '名称').fill('改名的进线电表');
    await other.getByRole('button', { name: '保存参数' }).click();
    await other.getByText('已保存 MTR-E2E1 的参数，第 3 版').waitFor();
    await other.close();

    await field(page, '上报间隔（秒；超过即告警离线）').fill('300');
    await page.getByRole('button', { name: '保存参数' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: '版本冲突' });
    await conflict.getByText(/已被他人（或您在另一个窗口中）修改/).waitFor();
    // Reloaded: the other tab's name is in the form, and saving again is from version 3.
    await expect.poll(() => field(page, '名称').inputValue()).toBe('改名的进线电表');
    await field(page, '上报间隔（秒；超过即告警离线）').fill('300');
    await page.getByRole('button', { name: '保存参数' }).click();
    await page.getByText('已保存 MTR-E2E1 的参数，第 4 版').waitFor();
    const meter = (await (await t.api('/meters/MTR-E2E1', { token: t.stack.users.admin.token })).json()) as {
      name: string;
      maxPerHour: number;
      expectedIntervalSeconds: number;
      gridRegion: string;
    };
    expect(meter).toMatchObject({
      name: '改名的进线电表',
      maxPerHour: 500,
      expectedIntervalSeconds: 300,
      gridRegion: 'CN-SOUTH',
    });
    // The audit trail speaks the form's words; the API's field name is only the tooltip.
    const interval = page.getByRole('listitem').filter({ hasText: '上报间隔：600 → 300' });
    await interval.getByTitle('expectedIntervalSeconds').waitFor();
    await page.getByRole('listitem').filter({ hasText: '能源品种：— → 电力' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: '读数方式：— → 区间量' }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'expectedIntervalSeconds' }).count()).toBe(0);

    await page.getByRole('link', { name: /接入凭证/ }).click();
    await page.getByRole('heading', { level: 1, name: '计量器具与接入凭证' }).waitFor();
    await page.getByRole('button', { name: '签发 MTR-E2E1 凭证' }).click();
    await page.getByRole('dialog').getByText('密钥只显示这一次').waitFor();
    await page.getByRole('dialog').getByText('MTR-E2E1').first().waitFor();

    await openPath(page, consoleUrl, 'registry/meters?enterprise=ENT-E2E1', '计量器具登记');
    await page.getByRole('link', { name: '改名的进线电表（MTR-E2E1）' }).waitFor();
    await checkPage(page, 'r06-registry-meters');
    await context.close();
  });

  it("lets an admin keep a fuel meter's measured parameters (实测值): an overlap refused under its field, then saved, changed and removed", async () => {
    const { context, page } = await signInConsole(browser, consoleUrl, 'admin');
    await openPath(page, consoleUrl, 'registry/meters/MTR-0003', /MTR-0003/);
    const entry = (n: number, what: string) => field(page, `实测值 ${n}：${what}`);
    const fillEntry = async (n: number, value: string, from: string, to: string, source: string) => {
      await choose(page, page, `实测值 ${n}：参数`, '低位发热量');
      await entry(n, '数值').fill(value);
      await choose(page, page, `实测值 ${n}：单位`, '吉焦/吨（GJ/t）');
      for (const [what, day] of [
        ['有效期起', from],
        ['有效期止', to],
      ] as const) {
        await entry(n, what).fill(day);
        await entry(n, what).press('Tab'); // Enter would submit the form
      }
      await entry(n, '来源').fill(source);
    };
    await page.getByRole('button', { name: '添加实测值' }).click();
    await fillEntry(1, '42.9', '2026-01-01', '2026-06-30', '检测报告 QS-2026-01');
    await page.getByRole('button', { name: '添加实测值' }).click();
    await fillEntry(2, '43.1', '2026-06-01', '2026-12-31', '检测报告 QS-2026-07');
    await page.getByRole('button', { name: '保存参数' }).click();
    // The API's 422 names /body/measuredParameters/1/validFrom: the message is under that field.
    await page
      .locator('#meter_measuredParameters_1_validFrom_help')
      .getByText(/有效期重叠/)
      .waitFor();
    await entry(2, '有效期起').fill('2026-07-01');
    await entry(2, '有效期起').press('Tab');
    await page.getByRole('button', { name: '保存参数' }).click();
    await page.getByText('已保存 MTR-0003 的参数，第 2 版').waitFor();
    await checkPage(page, 'r09-registry-meter-measured');
    // The same form on a phone (390 px): one column, the menu folded away, nothing wider than the
    // screen (the audit table scrolls in its own box).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.qs-sider.ant-layout-sider-collapsed').waitFor({ state: 'attached' });
    await page.waitForFunction("document.querySelector('.qs-sider').getBoundingClientRect().width <= 1"); // its border
    await checkPage(page, 'r09-registry-meter-measured-phone');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1440, height: 900 });
    const read = async () =>
      (
        (await (await t.api('/meters/MTR-0003', { token: t.stack.users.admin.token })).json()) as {
          measuredParameters?: unknown[];
        }
      ).measuredParameters;
    expect(await read()).toEqual([
      {
        parameter: 'ncv',
        value: 42.9,
        unit: 'GJ/t',
        validFrom: '2026-01-01',
        validTo: '2026-06-30',
        source: '检测报告 QS-2026-01',
      },
      {
        parameter: 'ncv',
        value: 43.1,
        unit: 'GJ/t',
        validFrom: '2026-07-01',
        validTo: '2026-12-31',
        source: '检测报告 QS-2026-07',
      },
    ]);
    await page
      .getByRole('listitem')
      .filter({ hasText: '实测参数：' })
      .getByTitle('measuredParameters')
      .waitFor();

    // Read back after a reload, change one and remove the other.
    await page.reload();
    await expect.poll(() => entry(2, '数值').inputValue()).toBe('43.1');
    await entry(2, '数值').fill('43.2');
    await page.getByRole('button', { name: '删除实测值 1' }).click();
    await page.getByRole('button', { name: '保存参数' }).click();
    await page.getByText('已保存 MTR-0003 的参数，第 3 版').waitFor();
    expect(await read()).toMatchObject([{ value: 43.2, validFrom: '2026-07-01' }]);
    await context.close();
  }, 180_000);

  it("lets an admin change a user's roles; the user's next sign-in has them", async () => {
    const { context, page } = await signInConsole(browser, consoleUrl, 'admin');
    await openPath(page, consoleUrl, 'admin/users', '用户与角色');
    await page.getByRole('button', { name: '修改 deputy-zhao 的角色' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: '代表' }).uncheck();
    await dialog.getByRole('checkbox', { name: '人大工作人员' }).check();
    await checkDialog(page, 'r07-registry-user-roles');
    await dialog.getByRole('button', { name: '保存角色' }).click();
    await page.getByText('已修改 deputy-zhao 的角色').waitFor();
    await page.getByRole('row', { name: /deputy-zhao.*代表.*人大工作人员/ }).waitFor();
    await checkPage(page, 'r08-registry-users');
    await context.close();

    // Signed in again, the former deputy is staff: the console opens at the intake queue.
    const zhao = await signInConsole(browser, consoleUrl, 'deputy-zhao');
    await zhao.page
      .getByRole('menuitem', { name: /随手拍案件/ })
      .first()
      .waitFor();
    await zhao.context.close();
  });

  it('shows a supervisor neither the menu nor the pages, and the API refuses their writes', async () => {
    const { context, page } = await signInConsole(browser, consoleUrl, 'supervisor-wang');
    await page
      .getByRole('menuitem', { name: /碳排放/ })
      .first()
      .waitFor();
    expect(await page.getByRole('menuitem', { name: /登记管理/ }).count()).toBe(0);
    await openPath(page, consoleUrl, 'registry/enterprises', '无权访问');
    await context.close();

    const supervisor = t.stack.users.supervisor.token;
    const patch = await t.api('/meters/MTR-0001', {
      method: 'PATCH',
      token: supervisor,
      headers: { 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ name: '越权修改' }),
    });
    expect(patch.status).toBe(403);
    const facility = await t.api('/enterprises/ENT-0001/facilities/FAC-0001', {
      method: 'PATCH',
      token: supervisor,
      headers: { 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ name: '越权修改' }),
    });
    expect(facility.status).toBe(403);
    expect((await t.api('/meters/MTR-0001/audit', { token: supervisor })).status).toBe(403);
  });
});
