import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Debian's chromium driven by playwright-core (Playwright cannot download its own browsers here).
 * A phone: 360 × 740, touch, zh-CN, Asia/Shanghai.
 */
export const CHROMIUM = process.env.QS_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });

export const phoneContext = (
  browser: Browser,
  options: { geolocation?: { latitude: number; longitude: number; accuracy?: number } } = {},
): Promise<BrowserContext> =>
  browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(options.geolocation === undefined
      ? {}
      : { geolocation: options.geolocation, permissions: ['geolocation'] }),
  });

/** Screenshots are test artefacts, kept in the git-ignored `.artefacts/e2e/`. */
export const ARTEFACTS = join(import.meta.dirname, '..', '..', '.artefacts', 'e2e');
export const screenshot = async (page: Page, name: string) => {
  await mkdir(ARTEFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Until no finite CSS animation or transition runs (at most 5 s; endless ones such as spinners do not
 * count): axe judges the page at rest, not a frame of a fade. Two checks failed once each on frames
 * like that: a closing select's empty listbox, a label's colour mid-transition.
 */
const animationsSettled = (page: Page) =>
  page
    .waitForFunction(
      `document.getAnimations().every((a) =>
        a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)`,
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);

/**
 * axe-core injected into the page; serious and critical violations only (WCAG 2 A/AA rules), of the
 * whole document or of the elements `within` selects (a dialog).
 */
export const seriousA11yViolations = async (page: Page, within?: string): Promise<AxeViolation[]> => {
  await animationsSettled(page);
  await page.addScriptTag({ content: axeSource });
  const context = within === undefined ? 'document' : JSON.stringify({ include: [[within]] });
  // A string, run in the page: the test project has no DOM types.
  const violations = (await page.evaluate(`(async () => {
    const result = await window.axe.run(${context}, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
    });
    return result.violations;
  })()`)) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      ...v,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
};

/** Signs in through the app's real OIDC flow: the app → the issuer's page → pick the user → back. */
export const signIn = async (page: Page, appUrl: string, username: string) => {
  await page.goto(appUrl);
  await page.getByRole('button', { name: /登录|Sign in/ }).click();
  await page.waitForURL(/\/oidc\/authorize/);
  await page.locator(`button[value="${username}"]`).click();
  await page.waitForURL((url) => url.pathname.startsWith('/app/') && !url.pathname.endsWith('/callback'));
};
