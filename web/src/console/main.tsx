import { createRoot } from 'react-dom/client';
import { createHttpClient } from '../shared/api.ts';
import { createAuth } from '../shared/auth.ts';
import { loadConfig } from '../shared/config.ts';
import { ConsoleApp } from './App.tsx';
import { consoleApi } from './api.ts';

const BASE = '/console/';

/**
 * A deep link handed on by the deputies' shell (China: CloudFront answers missing paths with that
 * shell, web/app/index.html) arrives as `/console/index.html#route=<path>`: restore it first, so
 * the sign-in callback and the router see the path that was asked for.
 */
const restoreHandedRoute = () => {
  const handed = /^#route=(.+)$/.exec(window.location.hash)?.[1];
  if (handed === undefined) return;
  const route = decodeURIComponent(handed);
  window.history.replaceState(null, '', route.startsWith(BASE) ? route : BASE);
};

const boot = async () => {
  restoreHandedRoute();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const config = await loadConfig();
  const auth = createAuth(config, BASE);
  if (window.location.pathname === `${BASE}callback`) {
    const returnTo = await auth.completeSignIn().catch(() => BASE);
    window.history.replaceState(null, '', returnTo);
  }
  const http = createHttpClient(
    config.apiUrl,
    async () => {
      const session = await auth.session();
      if (session === undefined) return undefined;
      if (!session.expired) return session.idToken;
      return (await auth.refresh())?.idToken;
    },
    () => undefined,
  );
  root.render(<ConsoleApp config={config} auth={auth} api={consoleApi(http)} http={http} base={BASE} />);
};

void boot().catch((error: Error) => {
  document.body.textContent = `无法启动：${error.message} (could not start)`;
});
