import { FundOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleModule } from '../module.ts';

/**
 * 双碳大脑: emissions and energy of the district, drilled from the city to a meter, traced to the
 * readings and factors behind a figure, with the budget, offline and anomaly alerts. The carbon API
 * opens every level to supervisors and admins only (docs: functions/carbon/emissions/README.md), so the
 * module is theirs; leaders read the city figures in the reports.
 */
const READERS = ['supervisor', 'admin'] as const;

export const carbonModule: ConsoleModule = {
  key: 'carbon',
  menu: {
    label: '碳排放',
    icon: <FundOutlined />,
    roles: READERS,
    items: [
      { label: '总览与下钻', path: 'carbon', roles: READERS },
      { label: '碳排放地图', path: 'carbon/map', roles: READERS },
      { label: '告警', path: 'carbon/alerts', roles: READERS },
      { label: '碳排放报表', path: 'carbon/reports', roles: READERS },
      { label: '预算', path: 'carbon/admin/budgets', roles: ['admin'] },
      { label: '计量器具与凭证', path: 'carbon/admin/meters', roles: ['admin'] },
      { label: '隔离区', path: 'carbon/admin/quarantine', roles: ['admin'] },
      { label: '排放因子库', path: 'carbon/admin/factors', roles: ['admin'] },
    ],
  },
  routes: [
    { pattern: 'carbon', page: lazy(() => import('./DashboardPage.tsx')) },
    { pattern: 'carbon/trace', page: lazy(() => import('./TracePage.tsx')) },
    { pattern: 'carbon/map', page: lazy(() => import('./MapPage.tsx')) },
    { pattern: 'carbon/alerts', page: lazy(() => import('./AlertsPage.tsx')) },
    { pattern: 'carbon/reports', page: lazy(() => import('./ReportsPage.tsx')) },
    {
      pattern: 'carbon/admin/budgets',
      page: lazy(() => import('./admin/BudgetsPage.tsx')),
      roles: ['admin'],
    },
    {
      pattern: 'carbon/admin/meters',
      page: lazy(() => import('./admin/CredentialsPage.tsx')),
      roles: ['admin'],
    },
    {
      pattern: 'carbon/admin/quarantine',
      page: lazy(() => import('./admin/QuarantinePage.tsx')),
      roles: ['admin'],
    },
    {
      pattern: 'carbon/admin/factors',
      page: lazy(() => import('./admin/FactorsPage.tsx')),
      roles: ['admin'],
    },
  ],
};
