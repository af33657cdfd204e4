import { Badge, Button, ConfigProvider, SafeArea } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Auth, Session } from '../shared/auth.ts';
import type { AppConfig } from '../shared/config.ts';
import { I18nProvider, useI18n } from '../shared/i18n.tsx';
import { mayUse, SHELL_ROLES } from '../shared/roles.ts';
import { matchPath, RouterProvider, useRouter } from '../shared/router.tsx';
import type { DeputyApi } from './api.ts';
import { AppContext, useApp } from './context.tsx';
import { DICTIONARY } from './dictionary.ts';
import { Icon } from './icons.tsx';
import { useUnread } from './notifications/inbox-state.ts';
import { useInboxSync } from './notifications/use-inbox-sync.ts';
import { OutboxBanner } from './OutboxBanner.tsx';
import type { Outbox } from './offline/outbox.ts';
// The first screen is part of the shell: no second round trip before the deputy can tap.
import Home from './pages/Home.tsx';

const PAGES = {
  report: () => import('./pages/Report.tsx'),
  myCases: () => import('./pages/MyCases.tsx'),
  caseDetail: () => import('./pages/CaseDetail.tsx'),
  suggestions: () => import('./pages/Suggestions.tsx'),
  suggestionNew: () => import('./pages/SuggestionNew.tsx'),
  suggestionDetail: () => import('./pages/SuggestionDetail.tsx'),
  nearby: () => import('./pages/Nearby.tsx'),
  inbox: () => import('./pages/Inbox.tsx'),
  notificationSettings: () => import('./pages/NotificationSettings.tsx'),
  exif: () => import('exifr'),
  oidc: () => import('oidc-client-ts'),
};
const Report = lazy(PAGES.report);
const MyCases = lazy(PAGES.myCases);
const CaseDetail = lazy(PAGES.caseDetail);
const Suggestions = lazy(PAGES.suggestions);
const SuggestionNew = lazy(PAGES.suggestionNew);
const SuggestionDetail = lazy(PAGES.suggestionDetail);
const Nearby = lazy(PAGES.nearby);
const Inbox = lazy(PAGES.inbox);
const NotificationSettings = lazy(PAGES.notificationSettings);

/**
 * Once the first screen is up, every route is loaded in the background: a deputy who goes out of
 * coverage can still open any screen (the service worker keeps them for the next start).
 */
const prefetchRoutes = () =>
  void Promise.all([
    ...Object.values(PAGES).map((load) => load()),
    // The service worker is active once it has stored every file of this build.
    'serviceWorker' in navigator ? navigator.serviceWorker.ready : undefined,
  ]).then(
    () => {
      document.documentElement.dataset.offlineReady = 'true';
    },
    () => undefined,
  );

/** Role-based routes: the deputies' shell; the staff console will be its own shell at /console/. */
const ROUTES: { pattern: string; tab: string; render: (p: Record<string, string>) => JSX.Element }[] = [
  { pattern: '', tab: '', render: () => <Home /> },
  { pattern: 'report/:id', tab: '', render: (p) => <Report draftId={p.id ?? ''} /> },
  { pattern: 'cases', tab: 'cases', render: () => <MyCases /> },
  { pattern: 'cases/:id', tab: 'cases', render: (p) => <CaseDetail id={p.id ?? ''} /> },
  { pattern: 'suggestions', tab: 'suggestions', render: () => <Suggestions /> },
  { pattern: 'suggestions/new', tab: 'suggestions', render: () => <SuggestionNew /> },
  { pattern: 'suggestions/:id', tab: 'suggestions', render: (p) => <SuggestionDetail id={p.id ?? ''} /> },
  { pattern: 'nearby', tab: 'nearby', render: () => <Nearby /> },
  { pattern: 'updates', tab: 'updates', render: () => <Inbox /> },
  { pattern: 'settings/notifications', tab: 'updates', render: () => <NotificationSettings /> },
];

const TABS = [
  { key: '', label: 'tab.report', icon: 'camera' },
  { key: 'cases', label: 'tab.cases', icon: 'list' },
  { key: 'suggestions', label: 'tab.suggestions', icon: 'doc' },
  { key: 'nearby', label: 'tab.nearby', icon: 'pin' },
  { key: 'updates', label: 'tab.updates', icon: 'bell' },
] as const;

interface AppProps {
  config: AppConfig;
  auth: Auth;
  api: DeputyApi;
  outbox: Outbox;
  base: string;
  wasSignedOut: () => boolean;
}

export const App = (props: AppProps) => (
  <I18nProvider dictionary={DICTIONARY}>
    <RouterProvider base={props.base}>
      <Localized>
        <SessionGate {...props} />
      </Localized>
    </RouterProvider>
  </I18nProvider>
);

const Localized = ({ children }: { children: JSX.Element }) => {
  const { lang } = useI18n();
  return <ConfigProvider locale={lang === 'zh' ? zhCN : enUS}>{children}</ConfigProvider>;
};

const SessionGate = (props: AppProps) => {
  const { t } = useI18n();
  const [session, setSession] = useState<Session | undefined | 'loading'>('loading');
  useEffect(() => {
    void props.auth.session().then(setSession);
  }, [props.auth]);
  useEffect(() => {
    const flush = () => void props.outbox.flush();
    window.addEventListener('online', flush);
    const timer = window.setInterval(flush, 20_000);
    flush();
    return () => {
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [props.outbox]);
  if (session === 'loading') return <p className="qs-center">{t('loading')}</p>;
  if (session === undefined) {
    return (
      <main className="qs-signin">
        <h1>{t('appName')}</h1>
        <p>{t('signInPrompt')}</p>
        <Button
          block
          color="primary"
          size="large"
          onClick={() => void props.auth.signIn(window.location.pathname)}
        >
          {t('signIn')}
        </Button>
      </main>
    );
  }
  if (!mayUse(session, SHELL_ROLES.app)) {
    return (
      <main className="qs-signin">
        <h1>{t('appName')}</h1>
        <p role="alert">{t('notDeputy', { user: session.username })}</p>
        <Button block size="large" onClick={() => void props.auth.signOut()}>
          {t('signOut')}
        </Button>
      </main>
    );
  }
  return (
    <AppContext.Provider
      value={{ config: props.config, auth: props.auth, session, api: props.api, outbox: props.outbox }}
    >
      <Shell />
    </AppContext.Provider>
  );
};

const Shell = () => {
  const { t } = useI18n();
  const { path, navigate } = useRouter();
  const unread = useUnread().count;
  const { api, session } = useApp();
  useInboxSync(api, session?.userId, navigate);
  useEffect(() => {
    // After the first screen settled, so loading the rest does not compete with it.
    const timer = window.setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(prefetchRoutes, { timeout: 3000 });
      else prefetchRoutes();
    }, 1000);
    return () => window.clearTimeout(timer);
  }, []);
  const found = ROUTES.map((route) => ({ route, params: matchPath(route.pattern, path) })).find(
    (candidate) => candidate.params !== undefined,
  );
  const tab = found?.route.tab ?? '';
  return (
    <div className="qs-shell">
      <OutboxBanner />
      <main className="qs-main">
        <Suspense fallback={<p className="qs-center">{t('loading')}</p>}>
          {found === undefined ? <Home /> : found.route.render(found.params ?? {})}
        </Suspense>
      </main>
      <nav className="qs-tabbar" aria-label={t('tab.nav')}>
        {TABS.map((item) => (
          <a
            key={item.key}
            href={`/app/${item.key}`}
            aria-current={tab === item.key ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(item.key);
            }}
          >
            <Badge content={item.key === 'updates' && unread > 0 ? String(unread) : undefined}>
              <Icon name={item.icon} />
            </Badge>
            <span>{t(item.label)}</span>
          </a>
        ))}
      </nav>
      <SafeArea position="bottom" />
    </div>
  );
};
