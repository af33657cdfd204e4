// The deputies' app offline: on install this build's shell page, every hashed asset (listed in
// precache.json by the build) and the icons are stored, so the whole app starts without a network;
// navigations fall back to the stored shell. API calls and uploads are never cached (drafts live in
// IndexedDB and the outbox sends them). Each build registers this file under a new ?v=, so a new
// deploy installs a new cache and the old one is removed on activation.
// It also shows Web Push messages (see the end of this file and docs/web-notifications.md).
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

// Web Push. The dispatcher's payload (functions/notifications/deliver.ts) is JSON:
// { id, kind, title, body, url, urgent } — title and body in zh-CN, url the record's page.
// One at a time, so each push sees what the one before it left on show.
let showing = Promise.resolve();

self.addEventListener('push', (event) => {
  const message = pushMessage(event.data);
  showing = showing.then(() => show(message)).catch(() => undefined);
  // Then an open app checks its inbox (the badge, the 消息 screen).
  event.waitUntil(
    showing.then(() =>
      self.clients.matchAll({ type: 'window' }).then((windows) => {
        for (const client of windows) client.postMessage({ type: 'qs-pushed' });
      }),
    ),
  );
});

/**
 * One notification per case or suggestion (its tag): a newer step replaces the older one and still
 * rings. Push services do not keep order, so a step older than the one on show (ids begin with the
 * event's instant) leaves the newer one there — shown again, quietly, as every push must show one.
 */
const show = async (message) => {
  const [onShow] = await self.registration.getNotifications({ tag: message.tag });
  const onShowId = onShow?.data?.id;
  if (typeof onShowId === 'string' && message.id !== undefined && onShowId > message.id) {
    const { title, body, icon, lang, tag, data, requireInteraction } = onShow;
    return self.registration.showNotification(title, { body, icon, lang, tag, data, requireInteraction });
  }
  return self.registration.showNotification(message.title, {
    body: message.body,
    icon: '/app/icon-192.png',
    lang: 'zh-CN',
    tag: message.tag,
    renotify: true,
    // Escalations stay until the person dismisses them.
    requireInteraction: message.urgent,
    data: { url: message.path, id: message.id },
  });
};

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openFromNotification(event.notification.data ?? {}));
});

/** Reads a push's payload; what is not ours still shows, with the app's name. */
const pushMessage = (data) => {
  let payload = {};
  try {
    payload = data ? data.json() : {};
  } catch {
    payload = { body: data ? data.text() : '' };
  }
  const path = appPath(typeof payload.url === 'string' ? payload.url : '');
  return {
    id: typeof payload.id === 'string' ? payload.id : undefined,
    title: typeof payload.title === 'string' && payload.title ? payload.title : '青山 随手拍',
    body: typeof payload.body === 'string' && payload.body ? payload.body : '您有一条新消息',
    urgent: payload.urgent === true,
    path,
    tag: path.startsWith('/app/updates') ? 'qs-updates' : `qs:${path}`,
  };
};

/** The link's path under /app/ on this origin (a link made for another address still opens here). */
const appPath = (link) => {
  try {
    const { pathname } = new URL(link, self.location.origin);
    return pathname.startsWith('/app/') && pathname.length > 5 ? pathname : '/app/updates';
  } catch {
    return '/app/updates';
  }
};

/**
 * A tapped notification: an open window of the app comes to the front and goes to the page (the
 * app navigates itself and marks the notification read); with none, the page opens in a new one.
 */
const openFromNotification = async ({ url, id }) => {
  const path = appPath(url ?? '');
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).pathname.startsWith('/app/'));
  if (open) {
    // Focus may be refused (outside a click's short allowance); the page still follows.
    await open.focus().catch(() => undefined);
    open.postMessage({ type: 'qs-open', url: path, id });
    return;
  }
  const query = id ? `?notification=${encodeURIComponent(id)}` : '';
  await self.clients.openWindow(`${path}${query}`);
};
