import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../../infra/local/web-build.ts';
import { launchChromium, phoneContext, signIn } from '../support/browser.ts';
import { PROJECT_ROOT, startTestStack, type TestStack } from '../support/local-stack.ts';
import { type PushService, startPushService } from '../support/push-service.ts';
import {
  acceptAndDispatch,
  checkPage,
  dispatchNotifications,
  json,
  reportCase,
  secondDeputy,
} from './deputy-support.ts';
import {
  heardPushes,
  pushesHeard,
  serviceWorkerRegistration,
  shownNotifications,
  stubPushManager,
  subscribedKey,
  tapNotification,
} from './push-support.ts';

/**
 * Issue 18 in the deputies' app (issue 16), in Debian's Chromium against the whole local stack: a
 * case dispatched reaches the deputy's 消息 inbox (badge, open → read, all read, offline copy); the
 * preferences screen validates inline and survives a concurrent change; and Web Push goes from the
 * 开启推送通知 switch through the API, the dispatcher and a push service of the test's own to the
 * notification the service worker shows and the page a tap opens. What is simulated of push (the
 * browser's subscription and the push service → browser hop) is said in push-support.ts.
 */
const SPOT = { latitude: 30.5201, longitude: 114.3102 };

interface InboxPage {
  items: {
    id: string;
    title: string;
    body: string;
    link: string;
    subject: { id: string };
    readAt?: string;
  }[];
  unreadCount: number;
}

describe('notifications in the deputies’ app', () => {
  let t: TestStack;
  let browser: Browser;
  let push: PushService;
  let app: string;

  beforeAll(async () => {
    await ensureWebBuilt(PROJECT_ROOT, () => undefined);
    [t, browser, push] = await Promise.all([startTestStack(), launchChromium(), startPushService()]);
    app = t.stack.urls.app;
  });
  afterAll(async () => {
    await browser?.close();
    await push?.close();
    await t?.close();
  });

  const inbox = async (token = t.stack.users.deputy.token) =>
    json<InboxPage>(await t.api('/notifications?limit=50', { token }));
  const badge = (page: Page) => page.locator('.qs-tabbar a[href="/app/updates"] .adm-badge-content');
  const phone = async (username = 'deputy-li') => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, app, username);
    await page.getByRole('button', { name: /拍照上报/ }).waitFor();
    return { context, page };
  };

  it('shows a dispatched case in 消息 with an unread badge; opening it reads it and goes to the case, as the API’s link does after sign-in', async () => {
    const deputy = t.stack.users.deputy.token;
    const created = await reportCase(t, deputy, '桥下排污（消息）', SPOT);
    await acceptAndDispatch(t, created.id);
    await dispatchNotifications();
    const told = (await inbox()).items.filter((n) => n.subject.id === created.id);
    expect(told.map((n) => n.title)).toEqual(['案件进展：桥下排污（消息）', '案件进展：桥下排污（消息）']);
    expect(told[0]?.body).toMatch(/已派遣/);

    const { context, page } = await phone();
    await expect.poll(async () => badge(page).textContent()).toBe(String((await inbox()).unreadCount));
    await page.getByRole('link', { name: /消息/ }).click();
    const newest = page.getByRole('button', { name: /未读.*案件进展：桥下排污（消息）.*当前状态：已派遣/ });
    await newest.waitFor();
    await checkPage(page, '20-inbox');
    await newest.click();
    await page.waitForURL(new RegExp(`/app/cases/${created.id}$`));
    await page.getByText('办理过程').waitFor();
    // Opening the case reads everything the deputy was told about it.
    await expect
      .poll(async () => (await inbox()).items.filter((n) => n.subject.id === created.id && !n.readAt).length)
      .toBe(0);

    const second = await reportCase(t, deputy, '河面漂浮垃圾（消息）', SPOT);
    await acceptAndDispatch(t, second.id);
    await dispatchNotifications();
    await page.reload();
    await page.getByRole('link', { name: /消息/ }).click();
    await page
      .getByRole('button', { name: /河面漂浮垃圾（消息）/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByText('0 条未读').waitFor();
    expect((await inbox()).unreadCount).toBe(0);
    await expect.poll(() => badge(page).count()).toBe(0);
    await context.close();

    // The API's link as a mail or SMS carries it, opened signed out: sign-in comes back to the case.
    const [link] = (await inbox()).items.filter((n) => n.subject.id === second.id).map((n) => n.link);
    expect(link).toBe(`${app}cases/${second.id}`);
    const mail = await phoneContext(browser);
    const opened = await mail.newPage();
    await signIn(opened, link ?? app, 'deputy-li');
    await opened.waitForURL(new RegExp(`/app/cases/${second.id}$`));
    await opened.getByText('办理过程').waitFor();
    await mail.close();
  });

  it('opens the last inbox offline', async () => {
    const { context, page } = await phone();
    await page.locator('html[data-offline-ready="true"]').waitFor({ state: 'attached' });
    await page.getByRole('link', { name: /消息/ }).click();
    await page
      .getByRole('button', { name: /河面漂浮垃圾（消息）/ })
      .first()
      .waitFor();
    await context.setOffline(true);
    await page.reload();
    await page.getByText(/无法连接服务器，显示的是 .* 保存的消息/).waitFor();
    await page
      .getByRole('button', { name: /河面漂浮垃圾（消息）/ })
      .first()
      .waitFor();
    await checkPage(page, '21-inbox-offline');
    await context.close();
  });

  it('saves channels and quiet hours with inline checks, and reloads after a change made elsewhere (409)', async () => {
    const zhao = await secondDeputy(t);
    const { context, page } = await phone('deputy-zhao');
    await page.goto(`${app}settings/notifications`);
    await page.getByRole('heading', { name: '通知设置' }).waitFor();
    await page.getByRole('switch', { name: '开启免打扰' }).check();
    await page.getByLabel('结束时间').fill('22:00');
    await page.getByLabel('开始时间').focus();
    await page.getByText('开始与结束时间不能相同').waitFor();
    await expect.poll(() => page.getByLabel('结束时间').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, '22-settings-invalid');
    await page.getByRole('button', { name: '保存设置' }).click();
    expect(
      (await json<{ version: number }>(await t.api('/notification-preferences', { token: zhao.token })))
        .version,
    ).toBe(0);
    await page.getByLabel('结束时间').fill('07:00');
    await page.getByText('开始与结束时间不能相同').waitFor({ state: 'detached' });
    await page.getByRole('switch', { name: '短信' }).check();
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存').waitFor();
    const saved = await json<Record<string, unknown>>(
      await t.api('/notification-preferences', { token: zhao.token }),
    );
    expect(saved).toMatchObject({
      channels: { push: true, email: true, sms: true },
      quietHours: { start: '22:00', end: '07:00' },
      version: 1,
    });

    // Meanwhile, on another device: email off.
    await t.api('/notification-preferences', {
      method: 'PUT',
      token: zhao.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channels: { push: true, email: false, sms: true },
        quietHours: { start: '22:00', end: '07:00' },
        version: 1,
      }),
    });
    await page.getByRole('switch', { name: '短信' }).uncheck();
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已在其他设备上修改，已重新载入最新设置。请确认后再次保存。').waitFor();
    // The form shows what is stored now: email off (from the other device), SMS on again.
    expect(await page.getByRole('switch', { name: '邮件' }).isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: '短信' }).isChecked()).toBe(true);
    await checkPage(page, '23-settings-conflict');
    await page.getByRole('switch', { name: '短信' }).uncheck();
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect
      .poll(async () =>
        json<Record<string, unknown>>(await t.api('/notification-preferences', { token: zhao.token })),
      )
      .toMatchObject({ channels: { push: true, email: false, sms: false }, version: 3 });
    await context.close();
  });

  it('turns push on (registered again if the API forgot it), shows the dispatcher’s push as a notification per case, opens the case on a tap, and stops on sign-out', async () => {
    const deputy = t.stack.users.deputy.token;
    const context = await phoneContext(browser);
    await context.grantPermissions(['notifications'], { origin: new URL(app).origin });
    await stubPushManager(context, push.device('deputy-li-phone'));
    const page = await context.newPage();
    await signIn(page, app, 'deputy-li');
    await page.getByRole('link', { name: /消息/ }).click();
    await page.getByRole('button', { name: '通知设置' }).click();
    const toggle = page.getByRole('switch', { name: '开启推送通知' });
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    // A controlled switch: it turns on when the device is registered, not at the tap.
    await toggle.click();
    await page.getByText('推送通知已开启').waitFor();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    const devices = await json<{ vapidPublicKey: string; items: { endpointHost: string }[] }>(
      await t.api('/push-subscriptions', { token: deputy }),
    );
    expect(devices.items.map((d) => d.endpointHost)).toEqual([new URL(push.url).host]);
    expect(await subscribedKey(page)).toBe(devices.vapidPublicKey);
    await checkPage(page, '24-settings-push-on');
    // The API forgets the device (as when a push service said it was gone): the next start of the
    // app notices and registers it again.
    const [registered] = (
      await json<{ items: { id: string }[] }>(await t.api('/push-subscriptions', { token: deputy }))
    ).items;
    await t.api(`/push-subscriptions/${registered?.id}`, { method: 'DELETE', token: deputy });
    await page.reload();
    await expect
      .poll(
        async () =>
          (await json<{ items: { id: string }[] }>(await t.api('/push-subscriptions', { token: deputy })))
            .items,
        { timeout: 15_000 },
      )
      .toEqual([expect.objectContaining({ id: registered?.id })]);

    const created = await reportCase(t, deputy, '夜间偷排（推送）', SPOT);
    await acceptAndDispatch(t, created.id);
    await dispatchNotifications();
    const toPhone = () => push.received.filter((p) => p.device === 'deputy-li-phone');
    await expect.poll(() => toPhone().length).toBe(2);
    // Oldest first: a notification's id starts with its event's instant.
    const pushed = toPhone()
      .map((p) => p.payload as { id: string; body: string })
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(pushed).toEqual([
      expect.objectContaining({
        kind: 'stateChanged',
        title: '案件进展：夜间偷排（推送）',
        url: `${app}cases/${created.id}`,
      }),
      expect.objectContaining({
        kind: 'stateChanged',
        title: '案件进展：夜间偷排（推送）',
        url: `${app}cases/${created.id}`,
      }),
    ]);

    await page.goto(`${app}updates`);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const registration = await serviceWorkerRegistration(page, `${new URL(app).origin}/app/`);
    await heardPushes(page);
    for (const payload of pushed) await registration.deliver(payload);
    await expect.poll(() => pushesHeard(page)).toBe(2);
    const latest = pushed[1];
    // One notification per case: the newer step replaced the older one.
    expect((await shownNotifications(worker)).map((n) => n.data.id)).toEqual([latest?.id]);
    // Push services keep no order: the older step arriving again leaves the newer one on show.
    await registration.deliver(pushed[0]);
    await expect.poll(() => pushesHeard(page)).toBe(3);
    const [shown, ...more] = await shownNotifications(worker);
    expect(more).toEqual([]);
    expect(shown).toMatchObject({
      title: '案件进展：夜间偷排（推送）',
      body: latest?.body,
      tag: `qs:/app/cases/${created.id}`,
      lang: 'zh-CN',
      data: { url: `/app/cases/${created.id}`, id: latest?.id },
    });
    expect(shown?.icon).toMatch(/\/app\/icon-192\.png$/);
    // The open app heard of the push: its badge counts both.
    await expect.poll(async () => badge(page).textContent()).toBe('2');

    await tapNotification(worker, shown?.data ?? { url: '' });
    await page.waitForURL(new RegExp(`/app/cases/${created.id}$`));
    await page.getByText('办理过程').waitFor();
    await expect
      .poll(async () => (await inbox()).items.filter((n) => n.subject.id === created.id && !n.readAt).length)
      .toBe(0);
    await expect.poll(() => badge(page).count()).toBe(0);

    await page.getByRole('link', { name: /随手拍/ }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    expect(
      (await json<{ items: unknown[] }>(await t.api('/push-subscriptions', { token: deputy }))).items,
    ).toEqual([]);
    expect(await subscribedKey(page)).toBeNull();
    await context.close();
  });
});
