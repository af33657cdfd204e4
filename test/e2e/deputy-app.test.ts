import exifr from 'exifr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../../infra/local/web-build.ts';
import { launchChromium, signIn } from '../support/browser.ts';
import { PROJECT_ROOT, startTestStack, type TestStack } from '../support/local-stack.ts';
import {
  casesReportedBy,
  checkPage,
  closeCase,
  dispatchNotifications,
  fillReport,
  json,
  phonePhoto,
  post,
  secondDeputy,
  signedInPhone,
  startJpegMaker,
} from './deputy-support.ts';

/**
 * The deputies' app in Debian's Chromium on a 360 px phone, against the whole local stack: each
 * journey of issue 16 signs in through the OIDC flow, acts in the app, and checks the result
 * through the API; every page gets an axe check and a screenshot (`.artefacts/e2e/`).
 */
const SPOT = { latitude: 30.5201, longitude: 114.3102 };

describe('deputies’ app in the browser', () => {
  let t: TestStack;
  let browser: Browser;
  let app: string;
  let deputyId: string;

  beforeAll(async () => {
    await ensureWebBuilt(PROJECT_ROOT, () => undefined);
    [t, browser] = await Promise.all([startTestStack(), launchChromium()]);
    await startJpegMaker(browser);
    app = t.stack.urls.app;
    deputyId = t.stack.users.deputy.user.sub;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = () => signedInPhone(browser, app, SPOT);
  const myCases = () => casesReportedBy(t, deputyId);

  it('signs in through the OIDC flow and shows the first screen', async () => {
    const { context, page } = await open();
    expect(new URL(page.url()).pathname).toBe('/app/');
    await checkPage(page, '01-home');
    await page.getByRole('link', { name: /附近/ }).click();
    await page.getByText('附近的公开案件').waitFor();
    await checkPage(page, '01b-nearby');
    await page.getByRole('link', { name: /建议/ }).click();
    await page.getByRole('button', { name: '提出建议' }).waitFor();
    await checkPage(page, '01c-suggestions');
    await page.getByRole('link', { name: /随手拍/ }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: /My cases/ }).waitFor();
    await checkPage(page, '01d-home-english');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('link', { name: /我的案件/ }).waitFor();
    await context.close();
  });

  it('tells a member of staff who signs in that the app is for deputies', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, app, 'handler-eco');
    await page.getByText('handler-eco 不是人大代表账号').waitFor();
    await checkPage(page, '01e-staff-refused');
    await context.close();
  });

  it('reports with a photo carrying GPS EXIF: time and place read, compressed, public copy without location', async () => {
    const { context, page } = await open();
    await page.getByRole('button', { name: /拍照上报/ }).click();
    await page.waitForURL(/\/app\/report\//);
    const photo = await phonePhoto(30.5212, 114.3088);
    await page.locator('label:has-text("从相册选择") input[type=file]').setInputFiles({
      name: 'IMG_0001.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    await page.getByText('照片含定位').waitFor();
    await expect.poll(() => page.getByText(/照片位置 30\.52120, 114\.30880/).count()).toBe(1);
    await fillReport(page, '河道排污（带定位照片）');
    await checkPage(page, '02-report-form');
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL((url) => url.pathname === '/app/');
    await expect.poll(async () => (await myCases()).length, { timeout: 20_000 }).toBe(1);
    const [created] = await myCases();
    expect(created?.title).toBe('河道排污（带定位照片）');
    const mediaId = created?.mediaIds[0] ?? '';
    const original = await json<{ sizeBytes: number; download: { url: string } }>(
      await t.api(`/media/${mediaId}?variant=original`, { token: t.stack.users.deputy.token }),
    );
    expect(original.sizeBytes).toBeLessThan(photo.length);
    const originalBytes = Buffer.from(await (await fetch(original.download.url)).arrayBuffer());
    const size = await imageSize(page, originalBytes);
    expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(2048);
    const publicCopy = await json<{ download: { variant: string; url: string } }>(
      await t.api(`/media/${mediaId}`, { token: t.stack.users.supervisor.token }),
    );
    expect(publicCopy.download.variant).toBe('public');
    const publicBytes = Buffer.from(await (await fetch(publicCopy.download.url)).arrayBuffer());
    expect(await exifr.gps(publicBytes).catch(() => undefined)).toBeUndefined();
    await page.getByRole('link', { name: /我的案件/ }).click();
    await page.getByText('河道排污（带定位照片）').waitFor();
    await checkPage(page, '03-my-cases');
    await context.close();
  });

  it('offline: two drafts wait in the outbox, survive closing the app, and are each sent once when the network returns', async () => {
    const opened = await open();
    const { context } = opened;
    let { page } = opened;
    const before = (await myCases()).length;
    await page.locator('html[data-offline-ready="true"]').waitFor({ state: 'attached' });
    await context.setOffline(true);
    for (const title of ['离线草稿一：垃圾堆放', '离线草稿二：噪声扰民']) {
      await page.getByRole('button', { name: /拍照上报/ }).click();
      await page.waitForURL(/\/app\/report\//);
      await fillReport(page, title, title.includes('噪声') ? '噪声' : '生活垃圾');
      await page.getByRole('button', { name: '提交' }).click();
      await page.waitForURL((url) => url.pathname === '/app/');
    }
    await page.getByText('2 条待发送').waitFor();
    await checkPage(page, '04-offline-outbox');
    // The app is closed and opened again without a network: the service worker starts it and the
    // drafts are still there.
    await page.close();
    page = await context.newPage();
    await page.goto(app);
    await page.getByText('2 条待发送').waitFor();
    await context.setOffline(false);
    await page.evaluate("window.dispatchEvent(new Event('online'))");
    await expect.poll(async () => (await myCases()).length, { timeout: 30_000 }).toBe(before + 2);
    await page.getByText('2 条待发送').waitFor({ state: 'detached', timeout: 15_000 });
    await page.reload();
    await page.getByRole('button', { name: /拍照上报/ }).waitFor();
    await page.locator('html[data-offline-ready="true"]').waitFor({ state: 'attached' }); // the outbox ran again
    const titles = (await myCases()).map((c) => c.title);
    expect(titles.filter((title) => title.startsWith('离线草稿')).sort()).toEqual([
      '离线草稿一：垃圾堆放',
      '离线草稿二：噪声扰民',
    ]);
    await context.close();
  });

  it('shows a possible duplicate before sending and follows it instead', async () => {
    const zhao = await secondDeputy(t);
    const original = await json<{ id: string }>(
      await post(
        t,
        '/cases',
        zhao.token,
        {
          categoryId: 'dust',
          title: '工地扬尘严重',
          description: '工地未覆盖裸土',
          location: { latitude: SPOT.latitude + 0.0002, longitude: SPOT.longitude },
          isPublic: true,
        },
        { 'idempotency-key': crypto.randomUUID() },
      ),
    );
    const { context, page } = await open();
    await page.getByRole('button', { name: /拍照上报/ }).click();
    await fillReport(page, '又见扬尘', '扬尘');
    await page.getByRole('button', { name: '获取定位' }).click();
    await page.getByText(/GPS 定位 30\.52010/).waitFor();
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('附近可能有相同的问题').waitFor();
    await page.getByText('工地扬尘严重').waitFor();
    await checkPage(page, '05-duplicates');
    await page.getByRole('button', { name: '跟进此案' }).click();
    await page.waitForURL(new RegExp(`/app/cases/${original.id}$`));
    await expect
      .poll(
        async () =>
          (
            await json<{ items: unknown[] }>(
              await t.api(`/cases/${original.id}/comments`, { token: zhao.token }),
            )
          ).items.length,
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    expect((await myCases()).some((c) => c.title === '又见扬尘')).toBe(false);
    await page.reload();
    await page.getByText('又见扬尘').first().waitFor();
    await checkPage(page, '06-followed-case');
    await context.close();
  });

  it('rates a closed case it was told of in 消息', async () => {
    const { context, page } = await open();
    const created = await json<{ id: string }>(
      await post(
        t,
        '/cases',
        t.stack.users.deputy.token,
        { categoryId: 'waterPollution', title: '排污口整改', description: '雨水口有污水', location: SPOT },
        { 'idempotency-key': crypto.randomUUID() },
      ),
    );
    await closeCase(t, created.id);
    await dispatchNotifications();
    await page.reload();
    await page.getByRole('link', { name: /消息/ }).click();
    // The newest of what the deputy was told about it: closed.
    const closed = page.getByRole('button', { name: /案件进展：排污口整改.*当前状态：已结案/ });
    await closed.waitFor({ timeout: 15_000 });
    await checkPage(page, '07-updates');
    await closed.click();
    await page.getByText('评价办理结果').waitFor();
    await page.getByText('提交整改').first().waitFor();
    await checkPage(page, '08-closed-case');
    await page.getByText('基本满意', { exact: true }).click();
    await page.getByLabel('理由').fill('整改及时，希望长期保持');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('已评价：基本满意').waitFor();
    const rated = await json<{ state: string; rating: string }>(
      await t.api(`/cases/${created.id}`, { token: t.stack.users.deputy.token }),
    );
    expect(rated).toMatchObject({ state: 'closed', rating: 'basicallySatisfied' });
    await context.close();
  });

  it('reopens a closed case rated 不满意 with a reason', async () => {
    const created = await json<{ id: string }>(
      await post(
        t,
        '/cases',
        t.stack.users.deputy.token,
        { categoryId: 'noise', title: '夜间施工噪声', description: '23点后仍在施工', location: SPOT },
        { 'idempotency-key': crypto.randomUUID() },
      ),
    );
    await closeCase(t, created.id);
    const { context, page } = await open();
    await page.goto(`${app}cases/${created.id}`);
    await page.getByText('不满意', { exact: true }).click();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('不满意时请填写理由；案件将重新办理').first().waitFor();
    expect(
      (
        await json<{ state: string }>(
          await t.api(`/cases/${created.id}`, { token: t.stack.users.deputy.token }),
        )
      ).state,
    ).toBe('closed');
    await page.getByLabel('理由').fill('夜间仍有施工，问题没有解决');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('已重启').first().waitFor();
    const reopened = await json<{ state: string; rating: string }>(
      await t.api(`/cases/${created.id}`, { token: t.stack.users.deputy.token }),
    );
    expect(reopened).toMatchObject({ state: 'reopened', rating: 'unsatisfied' });
    await checkPage(page, '08b-reopened-case');
    await context.close();
  });

  it('files a suggestion with a co-signer picked from the deputies', async () => {
    const zhao = await secondDeputy(t);
    const { context, page } = await open();
    await page.getByRole('link', { name: /建议/ }).click();
    await page.getByRole('button', { name: '提出建议' }).click();
    await page.getByLabel('标题').fill('关于加强河道排污监管的建议');
    await page.getByText('污染防治', { exact: true }).click();
    await page.getByLabel('建议内容').fill('建议在青山河沿线增设在线监测点，并公开监测数据。');
    await page.getByText('赵代表').click();
    await checkPage(page, '09-suggestion-form');
    await page.getByRole('button', { name: '提交建议' }).click();
    await page.waitForURL(/\/app\/suggestions\/(?!new$)[^/]+$/);
    await page.getByText('建议内容').or(page.getByText('办理过程')).first().waitFor();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const filed = await json<{ coSignerIds: string[]; filerId: string }>(
      await t.api(`/suggestions/${id}`, { token: zhao.token }),
    );
    expect(filed).toMatchObject({ filerId: deputyId, coSignerIds: [zhao.sub] });
    await checkPage(page, '10-suggestion');
    await context.close();
  });
});

/** The pixel size of an image, as the browser decodes it. */
const imageSize = async (page: Page, bytes: Buffer) =>
  (await page.evaluate(`(async () => {
    const blob = await (await fetch('data:image/jpeg;base64,${bytes.toString('base64')}')).blob();
    const bitmap = await createImageBitmap(blob);
    return { width: bitmap.width, height: bitmap.height };
  })()`)) as { width: number; height: number };
