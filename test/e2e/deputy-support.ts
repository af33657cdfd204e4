import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LocalUser } from '../../infra/local/local-issuer.ts';
import { phoneContext, screenshot, seriousA11yViolations, signIn } from '../support/browser.ts';
import { withExif } from '../support/exif-jpeg.ts';
import type { TestStack } from '../support/local-stack.ts';
import { uploadReadyPhoto } from '../support/media-fixtures.ts';

/** What the deputies' app journeys share: API calls as other roles, the photo, the page checks. */

export const json = async <T = Record<string, unknown>>(response: Response): Promise<T> => {
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
};

export const post = (
  t: TestStack,
  path: string,
  token: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  t.api(path, {
    method: 'POST',
    token,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** A phone at `spot` (GPS ±18 m) with the first demo deputy signed in through the OIDC flow. */
export const signedInPhone = async (
  browser: Browser,
  app: string,
  spot: { latitude: number; longitude: number },
  name = 'deputy-li',
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await phoneContext(browser, { geolocation: { ...spot, accuracy: 18 } });
  const page = await context.newPage();
  await signIn(page, app, name);
  await page.getByRole('button', { name: /拍照上报/ }).waitFor();
  return { context, page };
};

/** The cases a deputy reported, as the API lists them to that deputy. */
export const casesReportedBy = async (t: TestStack, deputyId: string, token = t.stack.users.deputy.token) =>
  (
    await json<{ items: { id: string; title: string; mediaIds: string[] }[] }>(
      await t.api(`/cases?reporter=${deputyId}&limit=100`, { token }),
    )
  ).items;

/** Fills the report form of a new draft (photos are added by the caller). */
export const fillReport = async (page: Page, title: string, category = '水污染') => {
  await page.getByText(category, { exact: true }).click();
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('问题描述').fill(`${title}：桥下有污水直排，气味明显。`);
};

/** The second demo deputy (co-signer, reporter of the case others may follow), with a token. */
export const secondDeputy = async (t: TestStack): Promise<LocalUser & { token: string }> => {
  const { items } = await json<{ items: { id: string; name: string }[] }>(
    await t.api('/deputies', { token: t.stack.users.deputy.token }),
  );
  const zhao = items.find((deputy) => deputy.name === '赵代表');
  if (zhao === undefined) throw new Error('the seed has no 赵代表');
  const user: LocalUser = { sub: zhao.id, username: 'deputy-zhao', groups: ['deputy'] };
  return { ...user, token: await t.stack.issueToken(user) };
};

/** Drives a case from submission to closed as the staff would, through the API. */
export const closeCase = async (t: TestStack, caseId: string) => {
  const { users } = t.stack;
  const act = async (role: keyof typeof users, action: string, payload: Record<string, unknown> = {}) =>
    json(await post(t, `/cases/${caseId}/transitions`, users[role].token, { action, payload }));
  await act('supervisor', 'accept');
  await act('supervisor', 'dispatch', { leadDepartmentId: 'dept-ecology' });
  await act('handler', 'signFor');
  const evidence = await uploadReadyPhoto(t, users.handler.token, await browserJpeg(800, 600));
  await act('handler', 'submitRectification', { mediaIds: [evidence], note: '已清理排污口' });
  await act('head', 'headSignOff');
  await act('supervisor', 'verify', { note: '现场核实已整改' });
};

let jpegPage: Page | undefined;
/** Real JPEGs are drawn by Chromium (a gradient with shapes), so the app's canvas can decode them. */
export const startJpegMaker = async (browser: Browser) => {
  jpegPage = await browser.newPage();
};

export const browserJpeg = async (width: number, height: number): Promise<Buffer> => {
  if (jpegPage === undefined) throw new Error('call startJpegMaker first');
  // Runs in the page (a string: the test project has no DOM types).
  const base64 = (await jpegPage.evaluate(`(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = ${width};
    canvas.height = ${height};
    const g = canvas.getContext('2d');
    const gradient = g.createLinearGradient(0, 0, ${width}, ${height});
    gradient.addColorStop(0, '#4a7a5a');
    gradient.addColorStop(1, '#b8c9a0');
    g.fillStyle = gradient;
    g.fillRect(0, 0, ${width}, ${height});
    g.fillStyle = '#6b4f2a';
    g.fillRect(${width * 0.2}, ${height * 0.55}, ${width * 0.6}, ${height * 0.2});
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  })()`)) as string;
  return Buffer.from(base64, 'base64');
};

/** A phone photo: 4000 × 3000, taken at a known time and place (EXIF). */
export const phonePhoto = async (latitude: number, longitude: number) =>
  withExif(await browserJpeg(4000, 3000), '2026:11:28 09:30:00', latitude, longitude);

/** Every page a journey shows: a screenshot kept as an artefact, and no serious axe violation. */
export const checkPage = async (page: Page, name: string) => {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await screenshot(page, name);
  const violations = await seriousA11yViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
};

/** A deputy's new case, through the API as the app would send it. */
export const reportCase = async (t: TestStack, token: string, title: string, location: Spot) =>
  json<{ id: string }>(
    await post(
      t,
      '/cases',
      token,
      { categoryId: 'waterPollution', title, description: `${title}：现场有污水`, location },
      { 'idempotency-key': crypto.randomUUID() },
    ),
  );

/** The staff accept a case and dispatch it to the ecology department (two state changes). */
export const acceptAndDispatch = async (t: TestStack, caseId: string) => {
  const { supervisor } = t.stack.users;
  for (const [action, payload] of [
    ['accept', {}],
    ['dispatch', { leadDepartmentId: 'dept-ecology' }],
  ] as const)
    await json(await post(t, `/cases/${caseId}/transitions`, supervisor.token, { action, payload }));
};

type Spot = { latitude: number; longitude: number };
type JobHandler = (event: unknown, context: unknown) => Promise<Record<string, unknown>>;
let dispatcher: JobHandler | undefined;

/**
 * The minute's notification dispatcher, run now rather than waited for (the stack's scheduler runs
 * it too; a second run tells no one twice). Imported once the stack has set the environment.
 */
export const dispatchNotifications = async () => {
  dispatcher ??= (
    (await import('../../functions/notifications/dispatch-notifications.ts')) as { handler: JobHandler }
  ).handler;
  const context = { functionName: 'e2e', awsRequestId: 'e2e', getRemainingTimeInMillis: () => 900_000 };
  return dispatcher({ job: 'notificationDispatch', scheduledTime: new Date().toISOString() }, context);
};
