import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * One Vite app, one shell per audience: `/app/` (deputies, antd-mobile) now, `/console/` (staff,
 * antd) next — each an HTML entry sharing `src/shared` (config, sign-in, API client). Assets are
 * hashed under `/assets/`; `public/` holds what must keep its name (manifest, service worker, icons).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: { app: resolve(import.meta.dirname, 'app', 'index.html') } },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // `npm run dev:web` beside `npm start`: the runtime config comes from the running stack.
    proxy: { '/config.json': process.env.QS_API_URL ?? 'http://127.0.0.1:3000' },
    fs: { allow: [resolve(import.meta.dirname, '..')] },
  },
});
