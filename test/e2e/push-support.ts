import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import type { Device } from '../support/push-service.ts';

/**
 * Web Push in Debian's Chromium, as far as it can be real here. Chromium's own push service is
 * Google's (FCM): `PushManager.subscribe()` registers with it over the internet, and the endpoint it
 * hands out is always `https://fcm.googleapis.com/…` (components/push_messaging/
 * push_messaging_constants.cc); the `--gcm-*-url` switches only move Google's check-in, registration
 * and MCS servers, whose protocols are not Web Push. Without internet, `subscribe()` is refused in an
 * incognito-like Playwright context ("Registration failed - permission denied") and never settles in
 * a persistent profile. So two steps are simulated, and only these:
 *
 * 1. `PushManager.subscribe()` / `getSubscription()` in the page return a subscription to a device of
 *    the test's own push service (test/support/push-service.ts), whose keys that service holds. The
 *    app's call is recorded (the VAPID key it passed). Everything the app does around it is real:
 *    permission, service worker, `POST /push-subscriptions`, `DELETE` on sign-out.
 * 2. The push service → browser hop: the message the dispatcher really sent (VAPID-signed, aes128gcm,
 *    decrypted by the push service) is handed to the app's service worker with the DevTools protocol's
 *    `ServiceWorker.deliverPushMessage` — the same `push` event a push service's message raises.
 */
export const stubPushManager = (context: BrowserContext, device: Device) =>
  context.addInitScript(`(() => {
    const device = ${JSON.stringify(device)};
    const KEY = 'qs-test-push-key';
    const bytes = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4)), (c) => c.charCodeAt(0));
    const subscription = (key) => ({
      endpoint: device.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: key.buffer },
      getKey: (name) => bytes(device.keys[name]).buffer,
      toJSON: () => ({ endpoint: device.endpoint, expirationTime: null, keys: device.keys }),
      unsubscribe: async () => { localStorage.removeItem(KEY); return true; },
    });
    PushManager.prototype.subscribe = async function (options) {
      const key = new Uint8Array(options.applicationServerKey);
      localStorage.setItem(KEY, JSON.stringify(Array.from(key)));
      return subscription(key);
    };
    PushManager.prototype.getSubscription = async function () {
      const saved = localStorage.getItem(KEY);
      return saved === null ? null : subscription(new Uint8Array(JSON.parse(saved)));
    };
  })()`);

/** The VAPID key the app subscribed with (URL-safe base64), or null when it has not subscribed. */
export const subscribedKey = async (page: Page): Promise<string | null> =>
  (await page.evaluate(`(() => {
    const saved = localStorage.getItem('qs-test-push-key');
    if (saved === null) return null;
    const text = String.fromCharCode(...JSON.parse(saved));
    return btoa(text).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  })()`)) as string | null;

/** The app's service worker registration, as DevTools names it. */
export const serviceWorkerRegistration = async (page: Page, scopeURL: string) => {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const registrations = new Map<string, string>();
  cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
    for (const r of event.registrations) if (!r.isDeleted) registrations.set(r.scopeURL, r.registrationId);
  });
  await cdp.send('ServiceWorker.enable');
  for (let i = 0; i < 50 && !registrations.has(scopeURL); i++) await new Promise((r) => setTimeout(r, 100));
  const registrationId = registrations.get(scopeURL);
  if (registrationId === undefined) throw new Error(`no service worker for ${scopeURL}`);
  return {
    deliver: (payload: unknown) =>
      cdp.send('ServiceWorker.deliverPushMessage', {
        origin: new URL(scopeURL).origin,
        registrationId,
        data: JSON.stringify(payload),
      }),
  };
};

/**
 * Counts the service worker's word to the page that a push was handled (it is sent once the
 * notification is on show), so the test knows when each delivered push is done.
 */
export const heardPushes = (page: Page) =>
  page.evaluate(`(() => {
    window.__qsPushesHeard = 0;
    navigator.serviceWorker.addEventListener('message', (event) => {
      if (event.data && event.data.type === 'qs-pushed') window.__qsPushesHeard++;
    });
  })()`);
export const pushesHeard = async (page: Page): Promise<number> =>
  (await page.evaluate('window.__qsPushesHeard')) as number;

export interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  icon: string;
  lang: string;
  data: { url: string; id?: string };
}

/** What the service worker has on show (`registration.getNotifications()`). */
export const shownNotifications = async (worker: Worker): Promise<ShownNotification[]> =>
  (await worker.evaluate(`self.registration.getNotifications().then((shown) =>
    shown.map((n) => ({ title: n.title, body: n.body, tag: n.tag, icon: n.icon, lang: n.lang, data: n.data })))`)) as ShownNotification[];

/**
 * A tap on a notification: headless Chromium offers no way to click one (no DevTools command), so the
 * test calls the function the worker's `notificationclick` listener calls, with the notification's
 * data. Outside a real click the browser refuses `focus()` (the function goes on without it) and
 * would refuse `openWindow()`, so the test keeps a window of the app open.
 */
export const tapNotification = (worker: Worker, data: ShownNotification['data']) =>
  worker.evaluate(`openFromNotification(${JSON.stringify(data)})`);
