import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { createWebStatic } from '../../infra/local/web-static.ts';
import { launchChromium } from '../support/browser.ts';
import { PROJECT_ROOT } from '../support/local-stack.ts';
import { kib, median, printTable } from './format.ts';
import { runDashboardBench } from './web-dashboard.ts';
import { measureInteractive } from './web-interactive.ts';

/**
 * `npm run bench -- web`: the deputies' app's bundle sizes (the shell — what the first screen
 * loads — and each route's own chunks, gzipped) and its time to interactive in Chromium under a
 * throttled mobile profile, beside a baseline: an empty Vite + React app built in the same run;
 * then the carbon dashboard's time to render a month for 100 enterprises (web-dashboard.ts).
 */
const OUT = join(PROJECT_ROOT, '.bench', 'web');
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export const runWebBench = async (): Promise<void> => {
  await rm(OUT, { recursive: true, force: true });
  process.env.NODE_ENV = 'production';
  const appDir = join(OUT, 'app');
  const baselineDir = join(OUT, 'baseline');
  await buildApp(appDir);
  await buildBaseline(baselineDir);
  const app = await chunkSizes(appDir);
  const baseline = await chunkSizes(baselineDir);
  console.log(
    '\nweb: bundle sizes (gzip; the shell is the entry with its static imports and CSS, the first screen included)',
  );
  printTable(
    ['bundle', 'gzip', 'raw'],
    [
      ['baseline shell (empty Vite + React)', kib(baseline.shell.gzip), kib(baseline.shell.raw)],
      ['deputies’ app shell', kib(app.shell.gzip), kib(app.shell.raw)],
      ...app.routes.map((route) => [`  route ${route.name}`, kib(route.gzip), kib(route.raw)]),
    ],
  );
  console.log(
    `shell ratio to baseline: ${(app.shell.gzip / baseline.shell.gzip).toFixed(2)}× (budget 300 KiB gzip)`,
  );
  const staff = await consoleSizes(appDir);
  console.log(
    '\nweb: the staff console (gzip; each module: its lazy pages and what they import beyond the shell)',
  );
  printTable(
    ['bundle', 'gzip', 'raw'],
    [
      [
        'console shell (layout, menus, sign-in, module registry)',
        kib(staff.shell.gzip),
        kib(staff.shell.raw),
      ],
      ...staff.modules.map((module) => [`  module ${module.name}`, kib(module.gzip), kib(module.raw)]),
    ],
  );
  await timeToInteractive(appDir, baselineDir);
  await runDashboardBench();
};

const buildApp = (outDir: string) =>
  build({
    configFile: join(PROJECT_ROOT, 'web', 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, manifest: true, emptyOutDir: true },
  });

/** The floor: an empty React page with the same plugin and target, at the same path. */
const buildBaseline = async (outDir: string) => {
  const root = join(OUT, 'baseline-src');
  await mkdir(join(root, 'app'), { recursive: true });
  await writeFile(
    join(root, 'app', 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>baseline</title></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>',
  );
  await writeFile(
    join(root, 'app', 'main.tsx'),
    "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root') as HTMLElement).render(<button type=\"button\">拍照上报</button>);\n",
  );
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    resolve: {
      alias: {
        react: join(PROJECT_ROOT, 'node_modules', 'react'),
        'react-dom': join(PROJECT_ROOT, 'node_modules', 'react-dom'),
      },
    },
    build: {
      outDir,
      manifest: true,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: { app: join(root, 'app', 'index.html') } },
    },
  });
};

interface Size {
  raw: number;
  gzip: number;
}

/** The build's manifest, the gzip size of a set of files, and a chunk's static-import closure. */
const readBuild = async (dist: string) => {
  const manifest = JSON.parse(await readFile(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const sizeOf = async (files: Iterable<string>): Promise<Size> => {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = await readFile(join(dist, file));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { raw, gzip };
  };
  /** A chunk's files with everything it imports statically. */
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (chunk === undefined || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const css of chunk.css ?? []) into.add(css);
    for (const imported of chunk.imports ?? []) closure(imported, into);
    return into;
  };
  return { manifest, sizeOf, closure };
};

const chunkSizes = async (dist: string) => {
  const { manifest, sizeOf, closure } = await readBuild(dist);
  // The baseline's only entry, or the deputies' shell of the app's two.
  const entry =
    Object.keys(manifest).find((key) => manifest[key]?.isEntry && key.endsWith('app/index.html')) ?? '';
  const shellFiles = closure(entry);
  const routes = await Promise.all(
    Object.entries(manifest)
      .filter(([key, chunk]) => chunk.isDynamicEntry && key.includes('deputy/pages/'))
      .map(async ([key, chunk]) => {
        const own = [...closure(key)].filter((file) => !shellFiles.has(file));
        return {
          name: (chunk.src ?? key).replace(/^.*\/pages\//, '').replace(/\.tsx$/, ''),
          ...(await sizeOf(own)),
        };
      }),
  );
  return { shell: await sizeOf(shellFiles), routes: routes.sort((a, b) => b.gzip - a.gzip) };
};

/**
 * The console's shell (its entry and static imports) and each module: the lazy pages under
 * `src/console/<module>/` with everything they import that the shell does not (shared chunks, such
 * as antd's table or ECharts, counted in every module that needs them). The map is its own chunk.
 */
const consoleSizes = async (dist: string) => {
  const { manifest, sizeOf, closure } = await readBuild(dist);
  const shellFiles = closure('console/index.html');
  const modules = new Map<string, Set<string>>();
  for (const [key, chunk] of Object.entries(manifest)) {
    const found = /src\/console\/([^/]+)\//.exec(key);
    if (!chunk.isDynamicEntry || found?.[1] === undefined) continue;
    const files = modules.get(found[1]) ?? new Set<string>();
    for (const file of closure(key)) if (!shellFiles.has(file)) files.add(file);
    modules.set(found[1], files);
  }
  const sized = await Promise.all(
    [...modules].map(async ([name, files]) => ({ name, ...(await sizeOf(files)) })),
  );
  return { shell: await sizeOf(shellFiles), modules: sized.sort((a, b) => b.gzip - a.gzip) };
};

/** Serves a build as the gateway does and times its first screen, cold, under the mobile profile. */
const timeToInteractive = async (appDir: string, baselineDir: string) => {
  const browser = await launchChromium();
  try {
    const results: [string, number[]][] = [];
    for (const [name, dir, ready] of [
      ['baseline (empty Vite + React)', baselineDir, 'button'],
      ['deputies’ app, first screen signed in', appDir, '.qs-big-button'],
    ] as const) {
      const server = await serve(dir);
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++)
        times.push(await measureInteractive(browser, `${server.url}/app/`, ready, server.url));
      await server.close();
      results.push([name, times]);
    }
    console.log(
      `\nweb: time to interactive, cold, Chromium, ${RUNS} runs (CPU 4× slower, 1.6 Mbit/s, 150 ms RTT)`,
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
    console.log('target: the first screen interactive in under 2 s on a mid-range phone profile');
  } finally {
    await browser.close();
  }
};

const serve = async (dist: string) => {
  let origin = '';
  const files = createWebStatic(dist, () => ({
    apiUrl: 'http://127.0.0.1:9', // nothing listens: the first screen must not wait for the API
    issuer: `${origin}/oidc`,
    clientId: 'bench',
    scope: 'openid',
    baseMap: null,
  }));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void files(req, res, url).then((served) => {
      if (!served) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};
