import type { AlertKind } from '../carbon/rollups/rollup-model.ts';
import type { Audience, Telling } from './notification-types.ts';

/** What an alert's notification reads of it. */
export interface AlertFacts {
  kind: AlertKind;
  targetId: string;
  /** zh-CN, with local times (the alert writers compose it). */
  message: string;
}

/**
 * Who an alert tells: a budget warning or breach and an offline meter tell the ecology department's
 * handlers and head and the People's Congress supervisors; the working calendar about to run out tells
 * the admins (who load it). Anomalies are listed on `/alerts` and tell no one: a budget breach they
 * foresee opens an automatic case, which is dispatched and told like any other.
 */

const TITLES: Partial<Record<AlertKind, string>> = {
  budgetWarning: '碳预算预警',
  budgetBreach: '碳预算超标',
  meterOffline: '计量设备离线',
  calendarRunningOut: '工作日历即将到期',
};

export const alertTellings = (alert: AlertFacts, ecologyDepartmentId: string): Telling[] => {
  const title = TITLES[alert.kind];
  if (title === undefined) return [];
  const audiences: Audience[] =
    alert.kind === 'calendarRunningOut'
      ? [{ kind: 'role', role: 'admin' }]
      : [
          { kind: 'department', departmentId: ecologyDepartmentId, roles: ['handler', 'head'] },
          { kind: 'role', role: 'supervisor' },
        ];
  return [
    {
      kind: alert.kind === 'calendarRunningOut' ? 'calendarAlert' : 'carbonAlert',
      audiences,
      urgent: false,
      title: `${title}：${alert.targetId}`,
      body: alert.message,
    },
  ];
};
