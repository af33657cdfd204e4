// The deputies' app offline: on install this build's shell page, every hashed asset (listed in
// precache.json by the build) and the icons are stored, so the whole app starts without a network;
// navigations fall back to the stored shell. API calls and uploads are never cached (drafts live in
// IndexedDB and the outbox sends them). Each build registers this file under a new ?v=, so a new
// deploy installs a new cache and the old one is removed on activation.
const VERSION = new URL(self.location.href).searchParams.get('v') ?? 'dev';
const CACHE = `qs-app-${VERSION}`;
const SHELL = ['/app/', '/app/manifest.webmanifest', '/app/icon-192.png', '/app/icon.svg', '/config.json'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL);
      const assets = await (await fetch('/app/precache.json', { cache: 'no-cache' })).json();
      await cache.addAll(assets);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (event.request.mode === 'navigate' && url.pathname.startsWith('/app/')) {
    event.respondWith(networkFirst(event.request, '/app/'));
  } else if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/app/')) {
    event.respondWith(cacheFirst(event.request));
  } else if (url.pathname === '/config.json') {
    event.respondWith(networkFirst(event.request, '/config.json'));
  }
});

const networkFirst = async (request, fallback) => {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(fallback, response.clone());
    return response;
  } catch {
    return (await cache.match(fallback)) ?? Response.error();
  }
};

const cacheFirst = async (request) => {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
};
