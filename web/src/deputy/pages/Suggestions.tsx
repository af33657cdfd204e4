import { Button, Empty, List, PullToRefresh, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { useRouter } from '../../shared/router.tsx';
import type { SuggestionView } from '../api.ts';
import { localTime, suggestionCategoryLabel, suggestionStateLabel } from '../components/labels.ts';
import { useApp } from '../context.tsx';

/** The suggestions the deputy filed or co-signed, newest first. */
const Suggestions = () => {
  const { t, label, lang } = useI18n();
  const { navigate } = useRouter();
  const { api } = useApp();
  const [items, setItems] = useState<SuggestionView[] | undefined>();
  const [error, setError] = useState<string>();
  const load = async () => {
    try {
      setItems((await api.listSuggestions()).items);
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once
  useEffect(() => {
    void load();
  }, []);
  return (
    <PullToRefresh onRefresh={load}>
      <div className="qs-page">
        <div className="qs-row" style={{ justifyContent: 'space-between' }}>
          <h1>{t('tab.suggestions')}</h1>
          <Button color="primary" onClick={() => navigate('suggestions/new')}>
            {t('sug.new')}
          </Button>
        </div>
        {error !== undefined && (
          <p className="qs-error" role="alert">
            {t('loadFailed', { e: error })}
          </p>
        )}
        {items === undefined && error === undefined && <p className="qs-center">{t('loading')}</p>}
        {items?.length === 0 && <Empty description={t('sug.empty')} />}
        {items !== undefined && items.length > 0 && (
          <List>
            {items.map((item) => (
              <List.Item
                key={item.id}
                arrowIcon
                onClick={() => navigate(`suggestions/${item.id}`)}
                description={
                  <>
                    <span>
                      {label(suggestionCategoryLabel(item.category))} · {localTime(item.submittedAt, lang)}
                    </span>
                    <div className="qs-tags">
                      <Tag color="primary" fill="outline">
                        {label(suggestionStateLabel(item.state))}
                      </Tag>
                      {item.replyDue && <Tag fill="outline">{t('sug.replyDue', { d: item.replyDue })}</Tag>}
                      {item.overdue && <Tag color="danger">{t('cases.overdue')}</Tag>}
                      {item.keySupervision && <Tag color="warning">{t('cases.supervised')}</Tag>}
                      {item.rehandlingCount > 0 && (
                        <Tag color="warning" fill="outline">
                          {t('sug.rehandling', { n: item.rehandlingCount })}
                        </Tag>
                      )}
                    </div>
                  </>
                }
              >
                {item.title}
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </PullToRefresh>
  );
};

export default Suggestions;
