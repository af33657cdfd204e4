import { useEffect, useRef } from 'react';
import type { DeputyApi } from '../api.ts';
import { markReadById, refreshUnread, startInbox } from './inbox-state.ts';
import { hasPushDevice } from './push-device.ts';

/** How often the badge asks the API when nothing told it sooner (a push, the app coming back). */
const POLL_MS = 60_000;

/**
 * Keeps the shell's badge current and follows what the service worker says: a push arrived (check
 * now), or the deputy tapped a notification while the app was open (go to its page, mark it read).
 * A tap that had to open the app arrives as `?notification={id}` on the page it opened.
 */
export const useInboxSync = (
  api: DeputyApi,
  userId: string | undefined,
  navigate: (to: string, options?: { replace?: boolean }) => void,
) => {
  // The router's navigate is new on every render; the listeners must not be.
  const go = useRef(navigate);
  go.current = navigate;
  useEffect(() => {
    if (userId === undefined) return;
    startInbox(userId);
    const refresh = () => void refreshUnread(api, userId).catch(() => undefined);
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    const onMessage = (event: MessageEvent<{ type?: string; url?: string; id?: string }>) => {
      if (event.data?.type === 'qs-pushed') refresh();
      if (event.data?.type === 'qs-open' && typeof event.data.url === 'string') {
        go.current(event.data.url);
        if (event.data.id) void markReadById(api, userId, event.data.id).catch(() => undefined);
      }
    };
    const opened = new URLSearchParams(window.location.search).get('notification');
    if (opened !== null) {
      go.current(window.location.pathname, { replace: true });
      void markReadById(api, userId, opened).catch(() => undefined);
    } else refresh();
    const timer = window.setInterval(refresh, POLL_MS);
    document.addEventListener('visibilitychange', onVisible);
    navigator.serviceWorker?.addEventListener('message', onMessage);
    // A device that had push on checks its subscription once the first screen settled.
    const resync = window.setTimeout(() => {
      if (hasPushDevice(userId))
        void import('./push.ts').then((push) => push.resyncPush(api, userId)).catch(() => undefined);
    }, 3000);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(resync);
      document.removeEventListener('visibilitychange', onVisible);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
    };
  }, [api, userId]);
};
