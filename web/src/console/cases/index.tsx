import { FileSearchOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleModule } from '../module.ts';

const STAFF = ['handler', 'head', 'supervisor', 'admin'] as const;
const OVERSEERS = ['supervisor', 'admin'] as const;

/** 随手拍 cases: each role's queue, every case with filters, the case page, the escalation board. */
export const casesModule: ConsoleModule = {
  key: 'cases',
  menu: {
    label: '随手拍案件',
    icon: <FileSearchOutlined />,
    roles: STAFF,
    items: [
      { label: '本部门待办', path: 'cases?view=inbox', roles: ['handler', 'head'] },
      { label: '受理（待立案）', path: 'cases?view=intake', roles: OVERSEERS },
      { label: '派遣', path: 'cases?view=dispatch', roles: OVERSEERS },
      { label: '核查结案', path: 'cases?view=verification', roles: OVERSEERS },
      { label: '挂账复核', path: 'cases?view=suspended', roles: OVERSEERS },
      { label: '督办', path: 'escalations', roles: ['head', ...OVERSEERS] },
      { label: '全部案件', path: 'cases?view=all', roles: STAFF },
    ],
  },
  routes: [
    { pattern: 'cases', page: lazy(() => import('./CaseListPage.tsx')) },
    { pattern: 'cases/:id', page: lazy(() => import('./CaseDetailPage.tsx')) },
    {
      pattern: 'escalations',
      page: lazy(() => import('./EscalationBoard.tsx')),
      roles: ['head', ...OVERSEERS],
    },
  ],
};
