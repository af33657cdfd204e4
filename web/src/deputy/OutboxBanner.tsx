import { Button, NoticeBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useI18n } from '../shared/i18n.tsx';
import { useApp } from './context.tsx';
import { allDrafts, type Draft, onDraftsChanged } from './offline/db.ts';

/** Drafts that still have to leave the phone, refreshed whenever one changes. */
export const useDrafts = (): Draft[] => {
  const [drafts, setDrafts] = useState<Draft[]>([]);
  useEffect(() => {
    const load = () => void allDrafts().then(setDrafts);
    load();
    const off = onDraftsChanged(load);
    return () => {
      off();
    };
  }, []);
  return drafts;
};

export const useOnline = (): boolean => {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
};

/** "N waiting — send now", the offline notice, and a prompt when the sign-in has run out. */
export const OutboxBanner = () => {
  const { t } = useI18n();
  const { outbox, auth } = useApp();
  const drafts = useDrafts();
  const online = useOnline();
  const waiting = drafts.filter((d) => d.status === 'queued' || d.status === 'sending').length;
  const failed = drafts.filter((d) => d.status === 'failed').length;
  const signedOut = drafts.some((d) => d.status === 'queued' && d.error === 'signedOut');
  return (
    <div className="qs-banners" aria-live="polite">
      {!online && <NoticeBar content={t('offline')} color="alert" wrap />}
      {signedOut && online && (
        <NoticeBar
          content={t('signedOutBanner')}
          color="alert"
          wrap
          extra={
            <Button size="mini" color="primary" onClick={() => void auth.signIn(window.location.pathname)}>
              {t('signIn')}
            </Button>
          }
        />
      )}
      {waiting + failed > 0 && (
        <NoticeBar
          color={failed > 0 ? 'error' : 'info'}
          content={[
            waiting > 0 ? t('outbox.waiting', { n: waiting }) : '',
            failed > 0 ? t('outbox.failed', { n: failed }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
          extra={
            waiting > 0 && online ? (
              <Button size="mini" color="primary" onClick={() => void outbox.flush()}>
                {t('outbox.sendNow')}
              </Button>
            ) : undefined
          }
        />
      )}
    </div>
  );
};
