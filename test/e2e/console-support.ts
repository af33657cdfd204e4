import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Principal, Role } from '../../shared/domain/roles.ts';
import { screenshot, seriousA11yViolations } from '../support/browser.ts';
import { seedCaseSteps } from '../support/case-seed.ts';
import type { TestStack } from '../support/local-stack.ts';
import { json, post } from './deputy-support.ts';

/** What the staff console journeys share: a desktop, sign-in as a demo user, antd controls, API calls. */

export const desktop = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });

/**
 * Signs in through the console's real OIDC flow as a demo user and lands on that role's start page;
 * `onSignInPage` looks at the issuer's page before the pick.
 */
export const signInConsole = async (
  browser: Browser,
  consoleUrl: string,
  username: string,
  onSignInPage?: (page: Page) => Promise<void>,
) => {
  const context = await desktop(browser);
  const page = await context.newPage();
  await page.goto(consoleUrl);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/oidc\/authorize/);
  await onSignInPage?.(page);
  await page.locator(`button[value="${username}"]`).click();
  await page.waitForURL((url) => url.pathname.startsWith('/console/') && !url.pathname.endsWith('/callback'));
  return { context, page };
};

/** Opens a console path and waits for the page's heading. */
export const openPath = async (page: Page, consoleUrl: string, path: string, heading: string | RegExp) => {
  await page.goto(`${consoleUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
};

/** Clicks an action button on the page, then the modal's button of the same name. */
export const act = async (
  page: Page,
  action: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) => {
  await page.getByRole('main').getByRole('button', { name: action, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill?.(dialog);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  // A dialog that stays open holds the reason (a field's error, the API's problem): say it.
  await dialog.waitFor({ state: 'detached', timeout: 45_000 }).catch(async (error: unknown) => {
    const text = (await dialog.textContent().catch(() => null)) ?? '(no text)';
    throw new Error(`「${action}」 dialog stayed open: ${text.replace(/\s+/g, ' ')}`, { cause: error });
  });
};

/** Picks an option of an antd Select found by its label. */
export const choose = async (
  page: Page,
  scope: ReturnType<Page['getByRole']> | Page,
  label: string,
  option: string,
) => {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
};

/** A case reported by the demo deputy through the API. */
export const reportCase = async (
  t: TestStack,
  title: string,
  location: { latitude: number; longitude: number },
  categoryId = 'waterPollution',
): Promise<string> => {
  const created = await json<{ id: string }>(
    await post(
      t,
      '/cases',
      t.stack.users.deputy.token,
      {
        categoryId,
        title,
        description: `${title}：现场有污水排出。`,
        location: { ...location, address: '青山大道 88 号' },
        isPublic: true,
      },
      { 'idempotency-key': `console-${Buffer.from(title).toString('hex').slice(0, 60)}` },
    ),
  );
  return created.id;
};

export const caseState = async (t: TestStack, id: string): Promise<string> =>
  (await json<{ state: string }>(await t.api(`/cases/${id}`, { token: t.stack.users.supervisor.token })))
    .state;

export const suggestionState = async (t: TestStack, id: string): Promise<string> =>
  (
    await json<{ state: string }>(
      await t.api(`/suggestions/${id}`, { token: t.stack.users.supervisor.token }),
    )
  ).state;

export const expectState = async (probe: () => Promise<string>, state: string) =>
  expect.poll(probe, { timeout: 10_000 }).toBe(state);

/**
 * An open dialog: a screenshot, and axe on the dialog itself (the page behind antd's mask is dimmed
 * on purpose, so its text would fail contrast there; it is checked on its own page).
 */
export const checkDialog = async (page: Page, name: string) => {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // antd zooms a dialog in; the screenshot waits for it to settle.
  await page.locator('.ant-modal-wrap .ant-modal:not([class*="zoom"])').waitFor();
  await screenshot(page, name);
  const violations = await seriousA11yViolations(page, '.ant-modal');
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
};

type Job = (event: unknown, context: unknown) => Promise<unknown>;
const JOB_CONTEXT = { functionName: 'e2e', awsRequestId: 'e2e', getRemainingTimeInMillis: () => 900_000 };

/**
 * A case dispatched to ecology 30 days ago (time HTTP cannot stage), then the hourly escalation job
 * and the minute's notification dispatcher, as the scheduler runs them: the case is on the board at
 * level 3 with the people each level told.
 */
export const escalateSeededCase = async (t: TestStack): Promise<string> => {
  const principal = (role: Role): Principal => {
    const { user } = t.stack.users[role];
    return {
      userId: user.sub,
      username: user.username,
      roles: [role],
      ...(user.department ? { departmentId: user.department } : {}),
    };
  };
  const dispatched = Date.now() - 30 * 86_400_000;
  const { record } = await seedCaseSteps(t, {
    reporter: principal('deputy'),
    submittedAt: new Date(dispatched - 7_200_000).toISOString(),
    steps: [
      ['accept', 'supervisor', new Date(dispatched - 3_600_000).toISOString()],
      ['dispatch', 'supervisor', new Date(dispatched).toISOString(), { leadDepartmentId: 'dept-ecology' }],
    ],
    principals: { supervisor: principal('supervisor') },
  });
  const job = async (path: string) => ((await import(path)) as { handler: Job }).handler;
  const now = new Date().toISOString();
  await (await job('../../functions/jobs/escalate-overdue.ts'))(
    { job: 'escalateOverdue', scheduledTime: now },
    JOB_CONTEXT,
  );
  await (await job('../../functions/notifications/dispatch-notifications.ts'))(
    { job: 'notificationDispatch', scheduledTime: now },
    JOB_CONTEXT,
  );
  return record.id;
};
