import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * One Vite app, one shell per audience: `/app/` (deputies, antd-mobile) and `/console/` (staff,
 * antd) — each an HTML entry sharing `src/shared` (config, sign-in, API client). Assets are
 * hashed under `/assets/`; `public/` holds what must keep its name (manifest, service worker, icons).
 */
/**
 * The deputies' app's hashed assets — its entry and everything it imports or loads later — listed
 * for the service worker to keep on install (the whole app offline). The console's chunks (antd,
 * ECharts) are left out: they have no business on a deputy's phone.
 */
const precacheList = (): Plugin => ({
  name: 'qingshan-precache-list',
  generateBundle(_options, bundle) {
    const files = new Set<string>();
    const visit = (file: string) => {
      const output = bundle[file];
      if (output === undefined || files.has(file)) return;
      files.add(file);
      if (output.type !== 'chunk') return;
      for (const next of [...output.imports, ...output.dynamicImports]) visit(next);
      for (const asset of [
        ...(output.viteMetadata?.importedCss ?? []),
        ...(output.viteMetadata?.importedAssets ?? []),
      ])
        visit(asset);
    };
    for (const [file, output] of Object.entries(bundle))
      if (output.type === 'chunk' && output.isEntry && output.name === 'app') visit(file);
    const listed = [...files].filter((file) => file.startsWith('assets/')).map((file) => `/${file}`);
    this.emitFile({ type: 'asset', fileName: 'app/precache.json', source: JSON.stringify(listed) });
  },
});

/** `npm run dev:web`: a client-side route under a shell gets that shell's page, as the gateway does. */
const shellFallback = (): Plugin => ({
  name: 'qingshan-shell-fallback',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const shell = /^\/(app|console)\/[^.]*$/.exec(path);
      if (shell !== null && !path.endsWith('/index.html')) req.url = `/${shell[1]}/index.html`;
      next();
    });
  },
});

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), precacheList(), shellFallback()],
  // Each build registers its service worker under a new URL, so phones pick up a new deploy.
  define: { __BUILD_ID__: JSON.stringify(Date.now().toString(36)) },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        app: resolve(import.meta.dirname, 'app', 'index.html'),
        console: resolve(import.meta.dirname, 'console', 'index.html'),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // `npm run dev:web` beside `npm start`: the runtime config comes from the running stack.
    proxy: { '/config.json': process.env.QS_API_URL ?? 'http://127.0.0.1:3000' },
    fs: { allow: [resolve(import.meta.dirname, '..')] },
  },
});
