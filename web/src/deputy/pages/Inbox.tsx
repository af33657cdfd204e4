import { Button, Empty, NoticeBar, Tag, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { useRouter } from '../../shared/router.tsx';
import type { InboxItem, NotificationList } from '../api.ts';
import { localTime } from '../components/labels.ts';
import { useApp } from '../context.tsx';
import { cachedInbox, markAllRead, markRead, saveInbox, useUnread } from '../notifications/inbox-state.ts';
import { inAppPath } from '../notifications/links.ts';
import { PushPrompt } from '../notifications/PushPrompt.tsx';
import { useWords } from '../notifications/words.ts';
import '../notifications/notifications.css';

const PAGE = 30;

/**
 * 消息: what the deputy was told (`GET /notifications`), newest first; opening one marks it read and
 * goes to its case or suggestion. The last inbox loaded is kept on the phone and shown offline.
 */
const Inbox = () => {
  const { t, lang } = useI18n();
  const w = useWords();
  const { navigate } = useRouter();
  const { api, session } = useApp();
  const userId = session?.userId ?? '';
  const cached = cachedInbox(userId);
  const [list, setList] = useState<NotificationList | undefined>(cached?.list);
  const [stale, setStale] = useState<string>();
  const { count } = useUnread();
  const load = async () => {
    try {
      const fresh = await api.listNotifications({ limit: PAGE });
      saveInbox(userId, fresh);
      setList(fresh);
      setStale(undefined);
    } catch (error) {
      const saved = cachedInbox(userId);
      if (saved === undefined)
        Toast.show({ content: w('inbox.loadFailed', { e: (error as Error).message }) });
      else setStale(saved.savedAt);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads when the screen opens and when a push arrives
  useEffect(() => {
    void load();
    const onMessage = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === 'qs-pushed') void load();
    };
    navigator.serviceWorker?.addEventListener('message', onMessage);
    return () => navigator.serviceWorker?.removeEventListener('message', onMessage);
  }, [userId]);
  const more = async () => {
    if (list?.cursor === undefined) return;
    const next = await api.listNotifications({ limit: PAGE, cursor: list.cursor });
    setList({ ...next, items: [...list.items, ...next.items] });
  };
  const readLocally = (ids: (id: string) => boolean) =>
    setList((shown) =>
      shown === undefined
        ? shown
        : {
            ...shown,
            items: shown.items.map((i) =>
              ids(i.id) && !i.readAt ? { ...i, readAt: new Date().toISOString() } : i,
            ),
          },
    );
  const open = (item: InboxItem) => {
    readLocally((id) => id === item.id);
    void markRead(api, userId, [item]).catch(() => undefined);
    navigate(inAppPath(item.link, item.subject, window.location.origin));
  };
  const readAll = async () => {
    try {
      await markAllRead(api, userId);
      readLocally(() => true);
    } catch (error) {
      Toast.show({ content: (error as Error).message });
    }
  };
  return (
    <div className="qs-page">
      <div className="qs-row" style={{ justifyContent: 'space-between' }}>
        <h1>{t('tab.updates')}</h1>
        <Button size="small" fill="none" onClick={() => navigate('settings/notifications')}>
          {w('settings.title')}
        </Button>
      </div>
      {stale !== undefined && (
        <NoticeBar content={w('inbox.cached', { time: localTime(stale, lang) })} color="alert" wrap />
      )}
      <PushPrompt />
      <div className="qs-row" style={{ justifyContent: 'space-between', margin: '0 4px 8px' }}>
        <span className="qs-meta" aria-live="polite">
          {w('inbox.unreadCount', { n: count })}
        </span>
        {count > 0 && (
          <Button size="small" fill="outline" onClick={() => void readAll()}>
            {w('inbox.markAll')}
          </Button>
        )}
      </div>
      {list === undefined ? (
        <p className="qs-center">{t('loading')}</p>
      ) : list.items.length === 0 ? (
        <Empty description={w('inbox.empty')} />
      ) : (
        <ul className="qs-inbox-list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.items.map((item) => (
            <li key={item.id}>
              <InboxRow item={item} onOpen={() => open(item)} />
            </li>
          ))}
        </ul>
      )}
      {list?.cursor !== undefined && (
        <Button block fill="none" onClick={() => void more()}>
          {w('inbox.more')}
        </Button>
      )}
    </div>
  );
};

const InboxRow = ({ item, onOpen }: { item: InboxItem; onOpen: () => void }) => {
  const { lang } = useI18n();
  const w = useWords();
  const unread = item.readAt === undefined;
  return (
    <button type="button" className="qs-inbox-item" data-unread={unread} onClick={onOpen}>
      <span className="qs-inbox-title">
        {unread && <span className="qs-inbox-dot" role="img" aria-label={w('inbox.unread')} />}
        {item.urgent && <Tag color="danger">{w('inbox.urgent')}</Tag>}
        <span>{item.title}</span>
      </span>
      <span className="qs-inbox-body" style={{ display: 'block' }}>
        {item.body}
      </span>
      <span className="qs-meta">{localTime(item.createdAt, lang)}</span>
    </button>
  );
};

export default Inbox;
