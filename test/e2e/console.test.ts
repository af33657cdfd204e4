import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../../infra/local/web-build.ts';
import { launchChromium } from '../support/browser.ts';
import { PROJECT_ROOT, startTestStack, type TestStack } from '../support/local-stack.ts';
import {
  act,
  caseState,
  checkDialog,
  choose,
  escalateSeededCase,
  expectState,
  openPath,
  reportCase,
  signInConsole,
  suggestionState,
} from './console-support.ts';
import { browserJpeg, checkPage, json, post, startJpegMaker } from './deputy-support.ts';

/**
 * The staff console in Debian's Chromium on a desktop, against the whole local stack: each role
 * signs in through the OIDC flow and does its part of a journey in the console; the result is
 * checked through the API. Every page gets an axe check and a screenshot (`.artefacts/e2e/`).
 */
const SPOT = { latitude: 30.5215, longitude: 114.3105 };

describe('staff console in the browser', () => {
  let t: TestStack;
  let browser: Browser;
  let consoleUrl: string;
  let closedCase = '';

  beforeAll(async () => {
    await ensureWebBuilt(PROJECT_ROOT, () => undefined);
    [t, browser] = await Promise.all([startTestStack(), launchChromium()]);
    await startJpegMaker(browser);
    consoleUrl = `${t.stack.urls.api}/console/`;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('tells a deputy who signs in that the console is for staff, and where the app is', async () => {
    const { context, page } = await signInConsole(browser, consoleUrl, 'deputy-li');
    await page.getByText('deputy-li 是人大代表账号').waitFor();
    await expect(page.getByRole('link', { name: '/app/' })).toBeTruthy();
    await checkPage(page, 'c01-deputy-refused');
    await context.close();
  });

  it('takes a case from intake to closing: supervisor, handler, head, supervisor', async () => {
    const original = await reportCase(t, '河道排污（控制台）', SPOT);
    const repeat = await reportCase(t, '同一排污口又见污水', { latitude: 30.5216, longitude: 114.3106 });

    // Supervisor: the intake queue, a duplicate marked against its original picked nearby, the
    // original accepted, then dispatched in bulk.
    const sup = await signInConsole(browser, consoleUrl, 'supervisor-wang');
    await sup.page.getByRole('heading', { level: 1, name: '受理（待立案）' }).waitFor();
    await sup.page.getByRole('link', { name: '同一排污口又见污水' }).waitFor();
    // The second report, 14 m from the first and of its category, is flagged in the queue.
    await sup.page
      .getByRole('row', { name: /同一排污口又见污水/ })
      .getByText('可能重复')
      .waitFor();
    await checkPage(sup.page, 'c02-intake');
    await sup.page.getByRole('link', { name: '同一排污口又见污水' }).click();
    await sup.page.getByRole('heading', { level: 1, name: /同一排污口又见污水/ }).waitFor();
    await checkPage(sup.page, 'c03-case-submitted');
    await act(sup.page, '标记为重复案件', async (dialog) => {
      await dialog.getByRole('radio', { name: /河道排污（控制台）/ }).check();
      await checkDialog(sup.page, 'c04-duplicate-picker');
    });
    await expectState(() => caseState(t, repeat), 'duplicate');

    await openPath(sup.page, consoleUrl, `cases/${original}`, /河道排污（控制台）/);
    await act(sup.page, '立案');
    await expectState(() => caseState(t, original), 'accepted');

    await openPath(sup.page, consoleUrl, 'cases?view=dispatch', '派遣');
    await sup.page.getByRole('checkbox', { name: '选择 河道排污（控制台）' }).check();
    await sup.page.getByRole('button', { name: /批量派遣（1）/ }).click();
    const dispatch = sup.page.getByRole('dialog');
    // The category's usual department is proposed.
    await dispatch.getByText('区生态环境局').waitFor();
    await checkDialog(sup.page, 'c05-bulk-dispatch');
    await dispatch.getByRole('button', { name: '派遣', exact: true }).click();
    await expectState(() => caseState(t, original), 'dispatched');

    // Handler: the department's inbox with its countdown; signs for, rectifies with a photo.
    const handler = await signInConsole(browser, consoleUrl, 'handler-eco');
    await handler.page.getByRole('heading', { level: 1, name: '本部门待办' }).waitFor();
    await handler.page
      .getByText(/剩 \d+ 个工作日|今日到期/)
      .first()
      .waitFor();
    await checkPage(handler.page, 'c06-inbox');
    await handler.page.getByRole('link', { name: '河道排污（控制台）' }).click();
    await handler.page.getByRole('heading', { level: 1, name: /河道排污（控制台）/ }).waitFor();
    await act(handler.page, '签收');
    await expectState(() => caseState(t, original), 'inProgress');
    await act(handler.page, '提交整改', async (dialog) => {
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'after.jpg',
        mimeType: 'image/jpeg',
        buffer: await browserJpeg(800, 600),
      });
      await dialog.locator('.ant-upload-list-item-done').waitFor({ timeout: 15_000 });
      await dialog.getByLabel('说明').fill('已封堵排污口，河面清理完毕');
      await checkDialog(handler.page, 'c07-rectify');
    });
    await expectState(() => caseState(t, original), 'rectified');
    await handler.page.getByRole('heading', { name: '整改照片' }).waitFor();
    await handler.page.getByRole('img', { name: '整改照片 1' }).waitFor();
    await checkPage(handler.page, 'c08-case-rectified');

    // Head: signs the rectification off.
    const head = await signInConsole(browser, consoleUrl, 'head-eco');
    await openPath(head.page, consoleUrl, `cases/${original}`, /河道排污（控制台）/);
    await act(head.page, '负责人审核');
    await expectState(() => caseState(t, original), 'awaitingVerification');

    // Supervisor: the verification queue; verifies and closes.
    await openPath(sup.page, consoleUrl, 'cases?view=verification', '核查结案');
    await sup.page.getByRole('link', { name: '河道排污（控制台）' }).click();
    await sup.page.getByRole('heading', { level: 1, name: /河道排污（控制台）/ }).waitFor();
    await act(sup.page, '核实', (dialog) => dialog.getByLabel('说明').fill('现场核实已整改'));
    await expectState(() => caseState(t, original), 'closed');
    await sup.page.getByText('已结案').first().waitFor();
    await checkPage(sup.page, 'c09-case-closed');
    closedCase = original;
    for (const opened of [sup, handler, head]) await opened.context.close();
  });

  it('filters every case in the URL and exports the list as CSV for Excel', async () => {
    const { context, page } = await signInConsole(browser, consoleUrl, 'supervisor-wang');
    await openPath(page, consoleUrl, 'cases?view=all&state=closed&category=waterPollution', '全部案件');
    await page.getByRole('link', { name: '河道排污（控制台）' }).waitFor();
    expect(await page.getByRole('link', { name: '同一排污口又见污水' }).count()).toBe(0);
    await checkPage(page, 'c10-all-cases-filtered');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFF案件编号,标题,类别,状态')).toBe(true);
    expect(csv).toContain('河道排污（控制台）,水污染,已结案,区生态环境局');
    await context.close();
  });

  it('drills from a department figure to the cases behind it', async () => {
    const { context, page } = await signInConsole(browser, consoleUrl, 'supervisor-wang');
    await openPath(page, consoleUrl, 'performance?department=dept-ecology&months=1', '部门指标');
    await page.getByText('100.0%').first().waitFor();
    await checkPage(page, 'c11-indicators');
    await page.getByRole('link', { name: /结案率：结案 1 件/ }).click();
    await page.getByRole('heading', { level: 1, name: /区生态环境局 · 已结案/ }).waitFor();
    await page.getByRole('link', { name: '河道排污（控制台）' }).waitFor();
    await checkPage(page, 'c12-drill');
    expect(new URL(page.url()).searchParams.get('figure')).toBe('closed');
    expect(closedCase).not.toBe('');
    await context.close();
  });

  it('takes a suggestion from assignment to the head’s reply and the deputy’s rating', async () => {
    const filed = await json<{ id: string }>(
      await post(
        t,
        '/suggestions',
        t.stack.users.deputy.token,
        {
          title: '关于青山河沿岸截污的建议',
          body: '建议完善青山河沿岸截污管网。',
          category: 'pollutionControl',
        },
        { 'idempotency-key': 'console-suggestion' },
      ),
    );
    const sup = await signInConsole(browser, consoleUrl, 'supervisor-wang');
    await openPath(sup.page, consoleUrl, 'suggestions?view=assign', '待交办');
    await sup.page.getByRole('link', { name: '关于青山河沿岸截污的建议' }).click();
    await sup.page.getByRole('heading', { level: 1, name: /关于青山河沿岸截污的建议/ }).waitFor();
    await act(sup.page, '受理');
    await expectState(() => suggestionState(t, filed.id), 'accepted');
    await act(sup.page, '交办', (dialog) => choose(sup.page, dialog, '主办单位', '区生态环境局'));
    await expectState(() => suggestionState(t, filed.id), 'assigned');
    await act(sup.page, '重点督办', (dialog) => dialog.getByLabel('督办领导').fill('张副主任'));
    await openPath(sup.page, consoleUrl, 'suggestions?view=key', '重点督办');
    await sup.page.getByRole('link', { name: '关于青山河沿岸截污的建议' }).waitFor();
    await checkPage(sup.page, 'c13-key-supervision');

    const head = await signInConsole(browser, consoleUrl, 'head-eco');
    await openPath(head.page, consoleUrl, 'suggestions?view=unit', '本单位办理');
    await head.page.getByRole('link', { name: '关于青山河沿岸截污的建议' }).click();
    await head.page.getByRole('heading', { level: 1, name: /关于青山河沿岸截污的建议/ }).waitFor();
    await checkPage(head.page, 'c14-suggestion-assigned');
    await act(head.page, '答复', async (dialog) => {
      await choose(head.page, dialog, '答复分类', 'B 类：正在解决或列入计划解决');
      await dialog.getByLabel('答复内容').fill('已列入明年截污管网改造计划。');
    });
    await expectState(() => suggestionState(t, filed.id), 'replied');
    await head.page.getByText('B 类：正在解决或列入计划解决').first().waitFor();
    await checkPage(head.page, 'c15-suggestion-replied');

    // The deputy rates the reply in the deputies' app (its own e2e); the console shows it.
    await json(
      await post(t, `/suggestions/${filed.id}/transitions`, t.stack.users.deputy.token, {
        action: 'rate',
        payload: { rating: 'basicallySatisfied' },
      }),
    );
    await expectState(() => suggestionState(t, filed.id), 'followingUp'); // B 类: still in hand
    await openPath(sup.page, consoleUrl, `suggestions/${filed.id}`, /关于青山河沿岸截污的建议/);
    await sup.page.getByText('基本满意').first().waitFor();
    await checkPage(sup.page, 'c15b-suggestion-rated');
    await sup.context.close();
    await head.context.close();
  });

  it('loads a working-calendar year, showing the API’s field errors inline first', async () => {
    const { context, page } = await signInConsole(browser, consoleUrl, 'admin');
    await openPath(page, consoleUrl, 'admin/calendar', '工作日历');
    await page.getByRole('cell', { name: '2026', exact: true }).waitFor();
    await checkPage(page, 'c16-calendar');
    const upload = page.locator('input[type=file][accept*="json"]');
    await page.getByLabel('年份').fill('2026');
    await upload.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ year: 2026, holidays: [{ from: '2026-13-01' }] })),
    });
    await page.getByRole('button', { name: '载入', exact: true }).click();
    const refusal = page.getByRole('alert');
    await refusal
      .getByText(/须为 YYYY-MM-DD 格式的日期/)
      .first()
      .waitFor();
    await checkPage(page, 'c17-calendar-refused');
    const year = await readFile(join(PROJECT_ROOT, 'shared', 'data', 'calendar', 'years', '2026.json'));
    await upload.setInputFiles({ name: '2026.json', mimeType: 'application/json', buffer: year });
    await page.getByText('2026.json', { exact: true }).waitFor();
    await page.getByRole('button', { name: '载入', exact: true }).click();
    await page.getByText('已载入 2026 年第 2 版').waitFor();
    await page.getByText('第 2 版（共 2 版）').waitFor();
    await context.close();
  });

  it('shows the escalation board with who was told, the reports and the users page to their roles', async () => {
    await escalateSeededCase(t);
    const { context, page } = await signInConsole(browser, consoleUrl, 'admin');
    await openPath(page, consoleUrl, 'escalations', '督办');
    const row = page.getByRole('row', { name: /种子案件/ });
    await row.getByText('三级督办（区领导）').waitFor();
    await row.getByText(/^一级 生态环境局负责人：站内 已发送/).waitFor();
    await row.getByText(/^三级 赵区长：站内 已发送/).waitFor();
    for (const [path, heading, name] of [
      ['escalations', '督办', 'c18-escalations'],
      ['performance/reports', '绩效报表', 'c19-reports'],
      ['admin/users', '用户与角色', 'c20-users'],
      ['cases?view=suspended', '挂账复核', 'c21-suspended'],
    ] as const) {
      await openPath(page, consoleUrl, path, heading);
      await checkPage(page, name);
    }
    await context.close();
    const handler = await signInConsole(browser, consoleUrl, 'handler-eco');
    expect(await handler.page.getByRole('link', { name: '工作日历' }).count()).toBe(0);
    await openPath(handler.page, consoleUrl, 'admin/calendar', '无权访问');
    await handler.context.close();
  });
});
