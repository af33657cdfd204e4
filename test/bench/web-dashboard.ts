import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Browser } from 'playwright-core';
import { localTableName } from '../../infra/local/environment.ts';
import { ensureWebBuilt } from '../../infra/local/web-build.ts';
import { rollupPk } from '../../shared/adapters/dynamodb/carbon/carbon-keys.ts';
import { DynamoRegistryStore } from '../../shared/adapters/dynamodb/registry-store.ts';
import { MASS_SCALE } from '../../shared/domain/carbon/rollups/fixed-point.ts';
import { CITY_ID, TCE_FIGURE } from '../../shared/domain/carbon/rollups/rollup-model.ts';
import { makeHandle } from '../../shared/domain/identifiers/handle.ts';
import { computeUsccCheckCharacter } from '../../shared/domain/registry/uscc.ts';
import { signInConsole } from '../e2e/console-support.ts';
import { launchChromium } from '../support/browser.ts';
import { PROJECT_ROOT, startTestStack } from '../support/local-stack.ts';
import { median, printTable } from './format.ts';
import { INDUSTRIES } from './scale-fleet.ts';

/**
 * The carbon dashboard's time to render a month for 100 enterprises: the local stack seeded with
 * 100 enterprises (10 industries, each with a place in the district) and a month of their day and
 * month rollups, with the industry and city rollups they add up to; the console signed in as an admin,
 * in desktop Chromium, cold (no cache). Timed from navigation to the chart's `finished` event (the
 * `data-ready` marker the series chart and the map set), beside the same dashboard for one enterprise.
 */
const ENTERPRISES = 100;
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);

export const runDashboardBench = async (): Promise<void> => {
  await ensureWebBuilt(PROJECT_ROOT, () => undefined);
  const [t, browser] = await Promise.all([startTestStack(), launchChromium()]);
  try {
    const month = previousMonth();
    await seed(t.dynamo, month);
    const consoleUrl = `${t.stack.urls.api}/console/`;
    const signedIn = await signInConsole(browser, consoleUrl, 'admin');
    const state = await signedIn.context.storageState();
    await signedIn.context.close();
    const pages = [
      [
        'baseline: dashboard, one enterprise’s month',
        `carbon?level=enterprise&id=BEN-0001&period=${month}`,
        '.qs-series-chart[data-ready]',
      ],
      [
        `dashboard, the district’s month (${ENTERPRISES} enterprises)`,
        `carbon?period=${month}`,
        '.qs-series-chart[data-ready]',
      ],
      [
        `map, ${ENTERPRISES} enterprises’ month`,
        `carbon/map?period=${month}`,
        `.qs-map[data-ready="${ENTERPRISES}"]`,
      ],
    ] as const;
    const results: [string, number[]][] = [];
    for (const [name, path, ready] of pages) {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++)
        times.push(await timeToReady(browser, state, `${consoleUrl}${path}`, ready));
      results.push([name, times]);
    }
    console.log(
      `\nweb: the carbon dashboard, time to render a month, cold, desktop Chromium, ${RUNS} runs (no throttling)`,
    );
    const floor = median(results[0]?.[1] ?? []);
    printTable(
      ['page', 'median', 'min', 'max', 'ratio'],
      results.map(([name, times]) => [
        name,
        `${median(times).toFixed(0)} ms`,
        `${Math.min(...times).toFixed(0)} ms`,
        `${Math.max(...times).toFixed(0)} ms`,
        `${(median(times) / floor).toFixed(2)}×`,
      ]),
    );
  } finally {
    await browser.close();
    await t.close();
  }
};

type StorageState = Awaited<ReturnType<import('playwright-core').BrowserContext['storageState']>>;

/** Milliseconds from navigation until the page's data-ready marker is in the DOM. */
const timeToReady = async (browser: Browser, state: StorageState, url: string, ready: string) => {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    storageState: state,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { waitUntil: 'commit' });
    // Polled each frame in the page: performance.now() counts from the navigation.
    const handle = await page.waitForFunction(
      `document.querySelector(${JSON.stringify(ready)}) ? performance.now() : 0`,
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    return Number(await handle.jsonValue());
  } finally {
    await context.close();
  }
};

const localMonthOf = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

/** The last complete local month: the dashboard shows it whole. */
const previousMonth = () => {
  const [y, m] = localMonthOf(new Date()).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
};

const daysOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
};

/** Registers the enterprises and writes their month as the ingest's rollups would leave it. */
const seed = async (client: DynamoDBDocumentClient, month: string) => {
  const registry = new DynamoRegistryStore(client, localTableName('registry'));
  const now = new Date().toISOString();
  const days = daysOf(month);
  const sums = new Map<string, { co2eT: number; tce: number }>();
  const add = (pk: string, sk: string, co2eT: number, tce: number) => {
    const key = `${pk}|${sk}`;
    const sum = sums.get(key) ?? { co2eT: 0, tce: 0 };
    sums.set(key, { co2eT: sum.co2eT + co2eT, tce: sum.tce + tce });
  };
  for (let n = 1; n <= ENTERPRISES; n++) {
    const id = `BEN-${String(n).padStart(4, '0')}`;
    const industryCode = INDUSTRIES[(n - 1) % INDUSTRIES.length] ?? 'C3311';
    const uscc = `9144030000001${String(n).padStart(4, '0')}`;
    await registry.putEnterprise({
      id,
      handle: makeHandle('88.118.8', 'enterprise', id),
      name: `测速企业 ${n}`,
      uscc: uscc + computeUsccCheckCharacter(uscc),
      industryCode,
      address: `青山区测速路 ${n} 号`,
      // A 10 × 10 grid inside the district's outline.
      location: {
        latitude: 30.495 + ((n - 1) % 10) * 0.005,
        longitude: 114.275 + Math.floor((n - 1) / 10) * 0.007,
      },
      status: 'active',
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    for (const [d, day] of days.entries()) {
      const co2eT = n * (1 + 0.2 * Math.sin(d / 3));
      for (const [level, target] of [
        ['enterprise', id],
        ['industry', industryCode],
        ['city', CITY_ID],
      ] as const) {
        add(rollupPk(level, target, 'day'), day, co2eT, co2eT * 0.4);
        add(rollupPk(level, target, 'month'), month, co2eT, co2eT * 0.4);
      }
    }
  }
  const items = [...sums].map(([key, sum]) => {
    const [pk, sk] = key.split('|') as [string, string];
    return {
      pk,
      sk,
      co2eT: sum.co2eT,
      co2eMarketT: sum.co2eT * 0.9,
      [TCE_FIGURE]: Math.round(sum.tce * MASS_SCALE),
      readings: 96,
    };
  });
  for (let i = 0; i < items.length; i += 25) await writeAll(client, items.slice(i, i + 25));
};

const writeAll = async (client: DynamoDBDocumentClient, items: Record<string, unknown>[]) => {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  while (requests.length > 0) {
    const table = localTableName('carbon');
    const result = await client.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
    requests = (result.UnprocessedItems?.[table] ?? []) as typeof requests;
  }
};
