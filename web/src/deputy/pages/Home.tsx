import { Button, List, Tag } from 'antd-mobile';
import { useI18n } from '../../shared/i18n.tsx';
import { useRouter } from '../../shared/router.tsx';
import { localTime } from '../components/labels.ts';
import { useApp } from '../context.tsx';
import { Icon } from '../icons.tsx';
import { signOutDevice } from '../notifications/push-device.ts';
import { useDrafts } from '../OutboxBanner.tsx';
import { type Draft, deleteDraft, newDraft, saveDraft } from '../offline/db.ts';

const STATUS_COLORS = {
  editing: 'default',
  queued: 'primary',
  sending: 'primary',
  failed: 'danger',
  sent: 'success',
} as const;

/** The first screen: one big button to snap a problem, then every draft and what the outbox did. */
const Home = () => {
  const { t, lang, setLang } = useI18n();
  const { navigate } = useRouter();
  const { api, auth, outbox, session } = useApp();
  const drafts = useDrafts();
  const start = async () => {
    const draft = await saveDraft(newDraft());
    navigate(`report/${draft.id}`);
  };
  const pending = drafts.filter((d) => d.status !== 'sent');
  const sent = drafts.filter((d) => d.status === 'sent').slice(0, 5);
  return (
    <div className="qs-page">
      <div className="qs-row" style={{ justifyContent: 'space-between' }}>
        <h1>{t('appName')}</h1>
        <div className="qs-row">
          <Button size="small" fill="none" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('language')}
          </Button>
          <Button size="small" fill="none" onClick={() => void signOutDevice(api, auth, session?.userId)}>
            {t('signOut')}
          </Button>
        </div>
      </div>
      <p className="qs-meta" style={{ margin: '0 4px 8px' }}>
        {session?.username}
      </p>
      <Button block color="primary" className="qs-big-button" onClick={() => void start()}>
        <span className="qs-row" style={{ justifyContent: 'center' }}>
          <Icon name="camera" size={32} /> {t('snap')}
        </span>
      </Button>
      <p className="qs-meta" style={{ margin: '8px 4px' }}>
        {t('snapHint')}
      </p>
      <h2>{t('drafts')}</h2>
      {pending.length === 0 ? (
        <p className="qs-meta" style={{ margin: '0 4px' }}>
          {t('noDrafts')}
        </p>
      ) : (
        <List>
          {pending.map((draft) => (
            // A visible delete button rather than a swipe: reachable by keyboard and screen readers,
            // and the swipe library would weigh on the first screen.
            <DraftItem
              key={draft.id}
              draft={draft}
              onOpen={() => navigate(`report/${draft.id}`)}
              onRetry={() => void outbox.retry(draft)}
              onDelete={draft.status === 'sending' ? undefined : () => void deleteDraft(draft.id)}
            />
          ))}
        </List>
      )}
      {sent.length > 0 && (
        <>
          <h2>{t('sent')}</h2>
          <List>
            {sent.map((draft) => (
              <DraftItem
                key={draft.id}
                draft={draft}
                onOpen={() => draft.caseId && navigate(`cases/${draft.caseId}`)}
              />
            ))}
          </List>
        </>
      )}
    </div>
  );
};

const DraftItem = ({
  draft,
  onOpen,
  onRetry,
  onDelete,
}: {
  draft: Draft;
  onOpen: () => void;
  onRetry?: () => void;
  onDelete?: (() => void) | undefined;
}) => {
  const { t, lang } = useI18n();
  const error =
    draft.error === 'network'
      ? t('error.network')
      : draft.error === 'signedOut'
        ? t('error.signedOut')
        : draft.error;
  return (
    <List.Item
      onClick={onOpen}
      description={
        <>
          <span>
            {localTime(draft.updatedAt, lang)}
            {draft.media.length > 0 && ` · ${t('mediaCount', { n: draft.media.length })}`}
          </span>
          {error !== undefined && (
            <span className="qs-error" role="alert">
              {' '}
              · {error}
            </span>
          )}
        </>
      }
      extra={
        <span className="qs-row">
          <Tag color={STATUS_COLORS[draft.status]}>{t(`status.${draft.status}`)}</Tag>
          {onDelete !== undefined && (
            <Button
              size="mini"
              fill="none"
              aria-label={`${t('delete')} ${draft.title.trim() || t('untitled')}`}
              onClick={(e) => {
                e.stopPropagation();
                onDelete();
              }}
            >
              {t('delete')}
            </Button>
          )}
          {draft.status === 'failed' && onRetry !== undefined && (
            <Button
              size="mini"
              onClick={(e) => {
                e.stopPropagation();
                onRetry();
              }}
            >
              {t('retry')}
            </Button>
          )}
        </span>
      }
    >
      {draft.title.trim() || t('untitled')}
    </List.Item>
  );
};

export default Home;
