import { DatabaseOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleModule } from '../module.ts';

/**
 * 登记管理: enterprises, their facilities and meters, edited through the registry API (admin only:
 * the API refuses every other role's writes and hides the audit trail from them).
 */
const ADMIN = ['admin'] as const;

export const registryModule: ConsoleModule = {
  key: 'registry',
  menu: {
    label: '登记管理',
    icon: <DatabaseOutlined />,
    roles: ADMIN,
    items: [
      { label: '企业与设施', path: 'registry/enterprises', roles: ADMIN },
      { label: '计量器具', path: 'registry/meters', roles: ADMIN },
    ],
  },
  routes: [
    { pattern: 'registry/enterprises', page: lazy(() => import('./EnterprisesPage.tsx')) },
    { pattern: 'registry/enterprises/:id', page: lazy(() => import('./EnterprisePage.tsx')) },
    { pattern: 'registry/meters', page: lazy(() => import('./MetersPage.tsx')) },
    { pattern: 'registry/meters/new', page: lazy(() => import('./MeterNewPage.tsx')) },
    { pattern: 'registry/meters/:id', page: lazy(() => import('./MeterPage.tsx')) },
  ],
};
