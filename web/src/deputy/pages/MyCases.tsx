import { Empty, List, PullToRefresh } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { useRouter } from '../../shared/router.tsx';
import type { CaseView } from '../api.ts';
import { CaseBadges } from '../components/CaseBadges.tsx';
import { categoryLabel, localTime } from '../components/labels.ts';
import { useApp } from '../context.tsx';
import { followedCaseIds } from '../offline/db.ts';

/** The deputy's own cases, newest first, then the ones they follow. */
const MyCases = () => {
  const { t, label, lang } = useI18n();
  const { navigate } = useRouter();
  const { api, session } = useApp();
  const [mine, setMine] = useState<CaseView[] | undefined>();
  const [followed, setFollowed] = useState<CaseView[]>([]);
  const [error, setError] = useState<string>();
  const load = async () => {
    try {
      const list = await api.listCases({ reporter: session?.userId ?? '', limit: 100 });
      setMine(list.items);
      const ids = (await followedCaseIds()).filter((id) => !list.items.some((item) => item.id === id));
      const found = await Promise.all(ids.map((id) => api.getCase(id).catch(() => undefined)));
      setFollowed(found.filter((item) => item !== undefined));
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per signed-in user
  useEffect(() => {
    void load();
  }, [session?.userId]);
  const row = (item: CaseView) => (
    <List.Item
      key={item.id}
      onClick={() => navigate(`cases/${item.id}`)}
      description={
        <>
          <span>
            {label(categoryLabel(item.categoryId))} · {localTime(item.submittedAt, lang)}
          </span>
          <CaseBadges item={item} />
        </>
      }
      arrowIcon
    >
      {item.title}
    </List.Item>
  );
  return (
    <PullToRefresh onRefresh={load}>
      <div className="qs-page">
        <h1>{t('tab.cases')}</h1>
        {error !== undefined && (
          <p className="qs-error" role="alert">
            {t('loadFailed', { e: error })}
          </p>
        )}
        {mine === undefined && error === undefined && <p className="qs-center">{t('loading')}</p>}
        {mine !== undefined && mine.length === 0 && followed.length === 0 && (
          <Empty description={t('cases.empty')} />
        )}
        {mine !== undefined && mine.length > 0 && <List header={t('cases.mine')}>{mine.map(row)}</List>}
        {followed.length > 0 && <List header={t('cases.followed')}>{followed.map(row)}</List>}
      </div>
    </PullToRefresh>
  );
};

export default MyCases;
