import { MenuOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import { matchPath, useRouter } from '../shared/router.tsx';
import { GROUP_LABELS } from './admin/role-labels.ts';
import { useConsole } from './context.tsx';
import { departmentName, useDepartments } from './lib/departments.ts';
import { BASE } from './lib/link.tsx';
import { useMenuDrawer } from './menu-drawer.ts';
import { allows, type ConsoleModule } from './module.ts';
import { CONSOLE_MODULES } from './modules.ts';
import './console.css';

/** Where each role starts: its own queue. */
export const landingPath = (roles: readonly string[]): string => {
  if (roles.includes('supervisor')) return 'cases?view=intake';
  if (roles.includes('handler') || roles.includes('head')) return 'cases?view=inbox';
  // An enterprise account (no staff role) has the imports module only.
  if (roles.includes('enterprise') && !roles.includes('admin')) return 'imports';
  return 'cases?view=all';
};

const visibleModules = (roles: readonly string[]): ConsoleModule[] =>
  CONSOLE_MODULES.filter((module) => allows(module.menu.roles, roles));

/** The menu item whose path is the current location, view and all (the longest match wins). */
const selectedKey = (modules: readonly ConsoleModule[], path: string, search: URLSearchParams) => {
  const here = `${path}?${search.toString()}`;
  const candidates = modules.flatMap((module) => module.menu.items.map((item) => item.path));
  const matches = candidates.filter((candidate) => {
    const [itemPath = '', itemQuery = ''] = candidate.split('?');
    if (itemPath !== path.split('/')[0] && itemPath !== path) return false;
    return [...new URLSearchParams(itemQuery)].every(([name, value]) => search.get(name) === value);
  });
  return matches.sort((a, b) => b.length - a.length)[0] ?? here;
};

export const Shell = () => {
  const { session, auth, api } = useConsole();
  const departments = useDepartments(api, session.departmentId !== undefined);
  const { path, search, navigate } = useRouter();
  const modules = useMemo(() => visibleModules(session.roles), [session.roles]);
  const drawer = useMenuDrawer();
  const items = modules.map((module) => ({
    key: module.key,
    icon: module.menu.icon,
    label: module.menu.label,
    children: module.menu.items
      .filter((item) => allows(item.roles, session.roles))
      .map((item) => ({ key: item.path, label: <a href={`${BASE}${item.path}`}>{item.label}</a> })),
  }));
  // Every module's routes, so a page outside the caller's roles says so (403) instead of "not found".
  const route = CONSOLE_MODULES.flatMap((module) =>
    module.routes.map((r) => ({ ...r, roles: r.roles ?? module.menu.roles })),
  )
    .map((r) => ({ r, params: matchPath(r.pattern, path) }))
    .find((candidate) => candidate.params !== undefined);
  if (path === '' && route === undefined) {
    queueMicrotask(() => navigate(landingPath(session.roles), { replace: true }));
  }
  const selected = selectedKey(modules, path, search);
  return (
    <Layout className="qs-console">
      <Layout.Sider
        width={220}
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={drawer.collapsed}
        onBreakpoint={drawer.onBreakpoint}
        onCollapse={drawer.onCollapse}
        trigger={
          // antd's span around it toggles on the click; the button gives it a name, a state and the keyboard.
          <button
            ref={drawer.trigger}
            type="button"
            className="qs-menu-trigger"
            aria-label="主菜单"
            aria-expanded={!drawer.collapsed}
            aria-controls="qs-main-menu"
          >
            <MenuOutlined />
          </button>
        }
        theme="light"
        className="qs-sider"
      >
        <div className="qs-brand">
          <img src="/app/icon.svg" alt="" width={28} height={28} />
          <span>青山 工作台</span>
        </div>
        <nav aria-label="主菜单" id="qs-main-menu" ref={drawer.nav}>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={[selected]}
            defaultOpenKeys={modules.map((module) => module.key)}
            onClick={({ key, domEvent }) => {
              domEvent.preventDefault();
              navigate(key);
              // Below lg the menu lies over the page the user just picked.
              if (drawer.open) drawer.close();
            }}
          />
        </nav>
      </Layout.Sider>
      {drawer.open ? <div className="qs-menu-backdrop" aria-hidden="true" onClick={drawer.close} /> : null}
      <Layout>
        <Layout.Header className="qs-header">
          <Space size="middle" wrap>
            <Typography.Text strong>{session.username}</Typography.Text>
            {session.roles.map((role) => (
              <Tag key={role} color="green">
                {GROUP_LABELS[role] ?? role}
              </Tag>
            ))}
            {session.departmentId === undefined ? null : (
              <Tag>{departmentName(departments, session.departmentId)}</Tag>
            )}
            {session.enterpriseId === undefined ? null : <Tag>{session.enterpriseId}</Tag>}
            <Button onClick={() => void auth.signOut()}>退出登录</Button>
          </Space>
        </Layout.Header>
        {/* antd 6 renders Content as the page's <main>: one main landmark, not one inside another. */}
        <Layout.Content className="qs-content">
          <Suspense fallback={<Spin tip="加载中…" className="qs-page-spin" />}>
            {route === undefined ? (
              path === '' ? null : (
                <Result status="404" title={<h1>页面不存在</h1>} subTitle={`/console/${path}`} />
              )
            ) : allows(route.r.roles, session.roles) ? (
              <route.r.page params={route.params ?? {}} />
            ) : (
              <Result status="403" title={<h1>无权访问</h1>} subTitle="此页面不对您的角色开放。" />
            )}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
};
