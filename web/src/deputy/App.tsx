import { Button, ConfigProvider, SafeArea, TabBar } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Auth, Session } from '../shared/auth.ts';
import type { AppConfig } from '../shared/config.ts';
import { I18nProvider, useI18n } from '../shared/i18n.tsx';
import { matchPath, RouterProvider, useRouter } from '../shared/router.tsx';
import type { DeputyApi } from './api.ts';
import { AppContext, useApp } from './context.tsx';
import { DICTIONARY } from './dictionary.ts';
import { Icon } from './icons.tsx';
import { OutboxBanner } from './OutboxBanner.tsx';
import type { Outbox } from './offline/outbox.ts';
import { refreshUpdates, useUnreadCount } from './updates-state.ts';

const Home = lazy(() => import('./pages/Home.tsx'));
const Report = lazy(() => import('./pages/Report.tsx'));
const MyCases = lazy(() => import('./pages/MyCases.tsx'));
const CaseDetail = lazy(() => import('./pages/CaseDetail.tsx'));
const Suggestions = lazy(() => import('./pages/Suggestions.tsx'));
const SuggestionNew = lazy(() => import('./pages/SuggestionNew.tsx'));
const SuggestionDetail = lazy(() => import('./pages/SuggestionDetail.tsx'));
const Nearby = lazy(() => import('./pages/Nearby.tsx'));
const Updates = lazy(() => import('./pages/Updates.tsx'));

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
  { pattern: 'updates', tab: 'updates', render: () => <Updates /> },
];

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
  const unread = useUnreadCount();
  const { api, session } = useApp();
  useEffect(() => {
    if (session === undefined) return;
    const refresh = () => void refreshUpdates(api, session).catch(() => undefined);
    refresh();
    const timer = window.setInterval(refresh, 60_000);
    return () => window.clearInterval(timer);
  }, [api, session]);
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
        <TabBar activeKey={tab} onChange={(key) => navigate(key)} safeArea>
          <TabBar.Item key="" title={t('tab.report')} icon={<Icon name="camera" />} />
          <TabBar.Item key="cases" title={t('tab.cases')} icon={<Icon name="list" />} />
          <TabBar.Item key="suggestions" title={t('tab.suggestions')} icon={<Icon name="doc" />} />
          <TabBar.Item key="nearby" title={t('tab.nearby')} icon={<Icon name="pin" />} />
          <TabBar.Item
            key="updates"
            title={t('tab.updates')}
            icon={<Icon name="bell" />}
            badge={unread > 0 ? String(unread) : undefined}
          />
        </TabBar>
      </nav>
      <SafeArea position="bottom" />
    </div>
  );
};
