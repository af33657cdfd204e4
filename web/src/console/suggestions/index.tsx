import { SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleModule } from '../module.ts';

const STAFF = ['handler', 'head', 'supervisor', 'admin'] as const;
const OVERSEERS = ['supervisor', 'admin'] as const;

/** Deputies' suggestions: assignment, the units' work, replies, key supervision. */
export const suggestionsModule: ConsoleModule = {
  key: 'suggestions',
  menu: {
    label: '代表建议',
    icon: <SolutionOutlined />,
    roles: STAFF,
    items: [
      { label: '本单位办理', path: 'suggestions?view=unit', roles: ['handler', 'head'] },
      { label: '待交办', path: 'suggestions?view=assign', roles: OVERSEERS },
      { label: '重点督办', path: 'suggestions?view=key', roles: STAFF },
      { label: '全部建议', path: 'suggestions?view=all', roles: STAFF },
    ],
  },
  routes: [
    { pattern: 'suggestions', page: lazy(() => import('./SuggestionListPage.tsx')) },
    { pattern: 'suggestions/:id', page: lazy(() => import('./SuggestionDetailPage.tsx')) },
  ],
};
