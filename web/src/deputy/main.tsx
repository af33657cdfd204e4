import { createRoot } from 'react-dom/client';
import { createHttpClient } from '../shared/api.ts';
import { createAuth } from '../shared/auth.ts';
import { loadConfig } from '../shared/config.ts';
import { App } from './App.tsx';
import { deputyApi } from './api.ts';
import { createOutbox } from './offline/outbox.ts';
import './theme.css';

const BASE = '/app/';

const boot = async () => {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const config = await loadConfig();
  const auth = createAuth(config, BASE);
  if (window.location.pathname === `${BASE}callback`) {
    const returnTo = await auth.completeSignIn().catch(() => BASE);
    window.history.replaceState(null, '', returnTo);
  }
  let signedOut = false;
  const http = createHttpClient(
    config.apiUrl,
    async () => {
      const session = await auth.session();
      if (session === undefined) return undefined;
      if (!session.expired) return session.idToken;
      return (await auth.refresh())?.idToken;
    },
    () => {
      signedOut = true;
    },
  );
  const api = deputyApi(http);
  const outbox = createOutbox(api);
  root.render(
    <App config={config} auth={auth} api={api} outbox={outbox} base={BASE} wasSignedOut={() => signedOut} />,
  );
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker
      .register(`${BASE}sw.js?v=${__BUILD_ID__}`, { scope: BASE })
      .catch(() => undefined);
  }
};

void boot().catch((error: Error) => {
  document.body.textContent = `无法启动：${error.message} (could not start)`;
});
