import { SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleModule } from '../module.ts';

/** Administration on the workflow side: the working calendar, users' roles. */
export const adminModule: ConsoleModule = {
  key: 'admin',
  menu: {
    label: '系统管理',
    icon: <SettingOutlined />,
    roles: ['admin'],
    items: [
      { label: '工作日历', path: 'admin/calendar', roles: ['admin'] },
      { label: '用户与角色', path: 'admin/users', roles: ['admin'] },
    ],
  },
  routes: [
    { pattern: 'admin/calendar', page: lazy(() => import('./CalendarPage.tsx')) },
    { pattern: 'admin/users', page: lazy(() => import('./UsersPage.tsx')) },
  ],
};
