/** Set by vite.config.ts at build time: names this build's service worker cache. */
declare const __BUILD_ID__: string;
