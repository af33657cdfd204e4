import { Tag } from 'antd-mobile';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseView } from '../api.ts';
import { workingDaysLeft } from '../lib/working-days.ts';
import { caseStateLabel } from './labels.ts';

const HANDLED_STATES = new Set(['dispatched', 'inProgress', 'rectified', 'awaitingVerification', 'reopened']);

/** State, working-day countdown, overdue and 督办 marks, rework count. */
export const CaseBadges = ({ item, now = new Date() }: { item: CaseView; now?: Date }) => {
  const { t, label } = useI18n();
  const counting = item.deadline !== undefined && HANDLED_STATES.has(item.state);
  const left = counting ? workingDaysLeft(item.deadline ?? '', now) : undefined;
  return (
    <div className="qs-tags">
      <Tag color={item.state === 'closed' ? 'default' : 'primary'} fill="outline">
        {label(caseStateLabel(item.state))}
      </Tag>
      {left !== undefined && !item.overdue && (
        <Tag color="success" fill="outline">
          {left === 0 ? t('cases.dueToday') : t('cases.daysLeft', { n: left })}
        </Tag>
      )}
      {item.overdue && (
        <Tag color="danger">
          {left !== undefined && left < 0 ? t('cases.overdueDays', { n: -left }) : t('cases.overdue')}
        </Tag>
      )}
      {item.escalationLevel !== undefined && (
        <Tag color="warning">{`${t('cases.supervised')} ${item.escalationLevel}`}</Tag>
      )}
      {item.reworkCount > 0 && (
        <Tag color="warning" fill="outline">
          {t('cases.rework', { n: item.reworkCount })}
        </Tag>
      )}
    </div>
  );
};
