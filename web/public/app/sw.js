// The deputies' app shell offline: the shell page, its hashed assets and icons are cached as they
// are fetched; navigations fall back to the cached shell. API calls and uploads are never cached
// (drafts live in IndexedDB and the outbox sends them).
const CACHE = 'qs-app-shell-v1';
const SHELL = ['/app/', '/app/manifest.webmanifest', '/app/icon-192.png', '/config.json'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
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
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
};
