import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { ENTERPRISE_GROUP } from '../../../shared/domain/roles.ts';
import type { HttpClient } from '../shared/api.ts';
import type { Auth, Session } from '../shared/auth.ts';
import type { AppConfig } from '../shared/config.ts';
import { mayUse, SHELL_ROLES } from '../shared/roles.ts';
import { RouterProvider } from '../shared/router.tsx';
import type { ConsoleApi } from './api.ts';
import { ConsoleContext } from './context.tsx';
import { Shell } from './Shell.tsx';

dayjs.locale('zh-cn');

/** Brand green, dark enough for AA contrast as text and as a button's background. */
const THEME = {
  token: {
    colorPrimary: '#0b6e4f',
    colorLink: '#0b6e4f',
    borderRadius: 4,
    colorTextPlaceholder: '#6b6b6b',
    // antd's greys for secondary text, labels and waiting steps are under AA contrast; these are not.
    colorTextSecondary: '#4a4a4a',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextQuaternary: '#6e6e6e',
    colorTextDisabled: '#6e6e6e',
    colorError: '#c4281c',
    // The tints antd derives from a dark green come out mid-grey: selected rows and items use these.
    colorPrimaryBg: '#e3f1ea',
    colorPrimaryBgHover: '#cfe7da',
    controlItemBgActive: '#e3f1ea',
    controlItemBgActiveHover: '#cfe7da',
  },
  components: {
    Menu: { itemSelectedBg: '#e3f1ea', itemSelectedColor: '#0b6e4f' },
    // Preset tags put the -7 shade on the -1 tint, under AA for small text: the -9 shade is ≥ 7:1.
    Tag: {
      red7: '#820014',
      volcano7: '#871400',
      orange7: '#873800',
      gold7: '#874d00',
      green7: '#135200',
      cyan7: '#00474f',
      blue7: '#002c8c',
      geekblue7: '#061178',
      purple7: '#22075e',
    },
  },
};

interface Props {
  config: AppConfig;
  auth: Auth;
  api: ConsoleApi;
  http: HttpClient;
  base: string;
}

export const ConsoleApp = (props: Props) => (
  <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
    <AntApp>
      <RouterProvider base={props.base}>
        <SessionGate {...props} />
      </RouterProvider>
    </AntApp>
  </ConfigProvider>
);

const SessionGate = ({ config, auth, api, http }: Props) => {
  const [session, setSession] = useState<Session | undefined | 'loading'>('loading');
  useEffect(() => {
    void auth.session().then(async (stored) => {
      if (stored?.expired === true) setSession(await auth.refresh());
      else setSession(stored);
    });
  }, [auth]);
  if (session === 'loading') return <Spin fullscreen tip="加载中…" />;
  if (session === undefined) {
    return (
      <main className="qs-console-gate">
        <Result
          icon={<img src="/app/icon.svg" alt="" width={64} height={64} />}
          title={<h1>青山 工作台</h1>}
          subTitle="案件与建议办理、绩效与管理。请使用单位账号登录。"
          extra={
            <Button
              type="primary"
              size="large"
              onClick={() => void auth.signIn(window.location.pathname + window.location.search)}
            >
              登录
            </Button>
          }
        />
      </main>
    );
  }
  // Enterprise accounts come in too: the shell shows them only the modules open to their group.
  if (!mayUse(session, SHELL_ROLES.console) && !session.roles.includes(ENTERPRISE_GROUP)) {
    return (
      <main className="qs-console-gate">
        <Result
          status="info"
          title={<h1>此工作台供工作人员使用</h1>}
          subTitle={
            <p role="alert">
              {session.username} 是人大代表账号。请使用代表端 <a href="/app/">/app/</a>
              （随手拍、我的案件、建议）。
            </p>
          }
          extra={
            <Button size="large" onClick={() => void auth.signOut()}>
              退出登录
            </Button>
          }
        />
      </main>
    );
  }
  return (
    <ConsoleContext.Provider value={{ config, auth, session, api, http }}>
      <Shell />
    </ConsoleContext.Provider>
  );
};
