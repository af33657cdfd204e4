import { CloudUploadOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleModule } from '../module.ts';

/**
 * 数据导入 (docs/imports.md): uploads of utility, fuel and energy-report feeds, the imports and their
 * reports, withdrawal — for admins and enterprise accounts (their own enterprise's data, the API
 * scopes it); the account mappings for admins only.
 */
const ADMIN = ['admin'] as const;
const IMPORTERS = ['admin', 'enterprise'] as const;

export const importsModule: ConsoleModule = {
  key: 'imports',
  menu: {
    label: '数据导入',
    icon: <CloudUploadOutlined />,
    roles: IMPORTERS,
    items: [
      { label: '导入文件', path: 'imports', roles: IMPORTERS },
      { label: '账户映射', path: 'imports/accounts', roles: ADMIN },
    ],
  },
  routes: [
    { pattern: 'imports', page: lazy(() => import('./ImportsPage.tsx')) },
    { pattern: 'imports/accounts', page: lazy(() => import('./AccountsPage.tsx')), roles: ADMIN },
    { pattern: 'imports/:id', page: lazy(() => import('./ImportPage.tsx')) },
  ],
};
