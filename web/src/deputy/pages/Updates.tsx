import { Button, Empty, List } from 'antd-mobile';
import { useI18n } from '../../shared/i18n.tsx';
import { useRouter } from '../../shared/router.tsx';
import { caseStateLabel, suggestionStateLabel } from '../components/labels.ts';
import { markRead, useUpdates } from '../updates-state.ts';

/** Unread updates on the deputy's cases and suggestions (in the app; push comes later). */
const Updates = () => {
  const { t, label } = useI18n();
  const { navigate } = useRouter();
  const items = useUpdates();
  return (
    <div className="qs-page">
      <div className="qs-row" style={{ justifyContent: 'space-between' }}>
        <h1>{t('tab.updates')}</h1>
        {items.length > 0 && (
          <Button
            size="small"
            fill="outline"
            onClick={() => void Promise.all(items.map((i) => markRead(i.kind, i.id, i.version)))}
          >
            {t('updates.markAll')}
          </Button>
        )}
      </div>
      {items.length === 0 ? (
        <Empty description={t('updates.empty')} />
      ) : (
        <List>
          {items.map((item) => (
            <List.Item
              key={item.key}
              arrowIcon
              onClick={() => navigate(item.kind === 'case' ? `cases/${item.id}` : `suggestions/${item.id}`)}
            >
              {item.kind === 'case'
                ? t('updates.case', { t: item.title, s: label(caseStateLabel(item.state)) })
                : t('updates.suggestion', { t: item.title, s: label(suggestionStateLabel(item.state)) })}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
};

export default Updates;
