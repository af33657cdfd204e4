import { LineChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleModule } from '../module.ts';

const READERS = ['head', 'supervisor', 'admin'] as const;

/** Department indicators with trends, the performance reports, and the cases behind a figure. */
export const performanceModule: ConsoleModule = {
  key: 'performance',
  menu: {
    label: '绩效',
    icon: <LineChartOutlined />,
    roles: READERS,
    items: [
      { label: '部门指标', path: 'performance', roles: READERS },
      { label: '绩效报表', path: 'performance/reports', roles: READERS },
    ],
  },
  routes: [
    { pattern: 'performance', page: lazy(() => import('./IndicatorsPage.tsx')) },
    { pattern: 'performance/drill', page: lazy(() => import('./DrillPage.tsx')) },
    { pattern: 'performance/reports', page: lazy(() => import('./ReportsPage.tsx')) },
  ],
};
