import { Button, Steps, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { useRouter } from '../../shared/router.tsx';
import type { CaseComment, CaseTimeline, CaseView } from '../api.ts';
import { CaseBadges } from '../components/CaseBadges.tsx';
import {
  caseActionLabel,
  caseRatingLabel,
  caseStateLabel,
  categoryLabel,
  localTime,
} from '../components/labels.ts';
import { MediaThumbs } from '../components/MediaThumbs.tsx';
import { RatingForm } from '../components/RatingForm.tsx';
import { useApp } from '../context.tsx';
import { markSubjectRead } from '../notifications/inbox-state.ts';
import { type DraftMedia, newDraft, newId } from '../offline/db.ts';
import { prepareMedia } from '../offline/photo.ts';

interface Loaded {
  item: CaseView;
  timeline: CaseTimeline['entries'];
  comments: CaseComment[];
  departments: Map<string, string>;
}

/** A case: its state and marks, photos, the timeline step by step, comments, and the rating. */
const CaseDetail = ({ id }: { id: string }) => {
  const { t, label, lang } = useI18n();
  const { navigate } = useRouter();
  const { api, session } = useApp();
  const [data, setData] = useState<Loaded | undefined>();
  const [error, setError] = useState<string>();
  const load = async () => {
    try {
      const [item, timeline, comments, departments] = await Promise.all([
        api.getCase(id),
        api.caseTimeline(id),
        api.caseComments(id),
        api.listDepartments().catch(() => ({ items: [] })),
      ]);
      const names = new Map(
        departments.items.map((d) => [d.id, lang === 'zh' ? d.name : (d.nameEn ?? d.name)]),
      );
      setData({ item, timeline: timeline.entries, comments: comments.items, departments: names });
      if (session !== undefined)
        void markSubjectRead(api, session.userId, 'case', item.id).catch(() => undefined);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t('case.notFound') : (e as Error).message);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the case changes
  useEffect(() => {
    void load();
  }, [id]);
  if (error !== undefined)
    return (
      <p className="qs-error qs-center" role="alert">
        {error}
      </p>
    );
  if (data === undefined) return <p className="qs-center">{t('loading')}</p>;
  const { item } = data;
  const department = (departmentId: string | undefined) =>
    departmentId === undefined ? '' : (data.departments.get(departmentId) ?? departmentId);
  return (
    <div className="qs-page">
      <Button size="small" fill="none" onClick={() => navigate('cases')}>
        ‹ {t('back')}
      </Button>
      <article className="qs-card" aria-labelledby="case-title">
        <h1 id="case-title" style={{ margin: '0 0 4px' }}>
          {item.title}
        </h1>
        <p className="qs-meta">
          {label(categoryLabel(item.categoryId))} · {localTime(item.submittedAt, lang)} · {item.id}
        </p>
        <CaseBadges item={item} />
        <p>{item.description}</p>
        {item.location?.address && <p className="qs-meta">{item.location.address}</p>}
        {item.leadDepartmentId && (
          <p className="qs-meta">
            {t('case.department')}：{department(item.leadDepartmentId)}
          </p>
        )}
        {item.deadline && (
          <p className="qs-meta">
            {t('case.deadline')}：{localTime(item.deadline, lang)}
          </p>
        )}
        {item.duplicateOf && <p className="qs-meta">{t('case.duplicateOf', { id: item.duplicateOf })}</p>}
        <MediaThumbs ids={item.mediaIds} label={t('case.photos')} />
        {item.rating && <p>{t('case.rated', { r: label(caseRatingLabel(item.rating)) })}</p>}
      </article>
      {item.allowedActions.includes('rate') && (
        <RatingForm
          onSubmit={async (rating, comment) => {
            await api.transitionCase(item.id, {
              action: 'rate',
              payload: { rating, ...(comment ? { comment } : {}) },
              version: item.version,
            });
            await load();
          }}
        />
      )}
      <section className="qs-card" aria-labelledby="timeline-title">
        <h2 id="timeline-title" style={{ marginTop: 0 }}>
          {t('case.timeline')}
        </h2>
        <Steps direction="vertical" current={data.timeline.length - 1}>
          {data.timeline.map((entry) => (
            <Steps.Step
              key={entry.seq}
              status="finish"
              title={`${label(caseActionLabel(entry.action))} → ${label(caseStateLabel(entry.to))}`}
              description={
                <div>
                  <div>
                    {t(`role.${entry.actorRole}`)}
                    {(entry.actorRole === 'handler' || entry.actorRole === 'head') &&
                      ` · ${department(item.leadDepartmentId)}`}
                    {typeof entry.details.leadDepartmentId === 'string' &&
                      ` · ${department(entry.details.leadDepartmentId)}`}
                    {' · '}
                    <time dateTime={entry.at}>{localTime(entry.at, lang)}</time>
                  </div>
                  {entry.note && <div>{entry.note}</div>}
                  <MediaThumbs ids={entry.mediaIds} label={label(caseActionLabel(entry.action))} />
                </div>
              }
            />
          ))}
        </Steps>
      </section>
      <Comments caseId={item.id} comments={data.comments} onSent={load} />
    </div>
  );
};

const Comments = ({
  caseId,
  comments,
  onSent,
}: {
  caseId: string;
  comments: CaseComment[];
  onSent: () => Promise<void>;
}) => {
  const { t, lang } = useI18n();
  const { outbox } = useApp();
  const [text, setText] = useState('');
  const [media, setMedia] = useState<DraftMedia[]>([]);
  const send = async () => {
    if (text.trim() === '' && media.length === 0) return;
    // Through the outbox, so a comment written offline is sent later like a report.
    await outbox.queue({ ...newDraft(), kind: 'comment', targetCaseId: caseId, description: text, media });
    setText('');
    setMedia([]);
    Toast.show({ content: t('report.queued') });
    setTimeout(() => void onSent(), 1500);
  };
  return (
    <section className="qs-card" aria-labelledby="comments-title">
      <h2 id="comments-title" style={{ marginTop: 0 }}>
        {t('case.comments')}
      </h2>
      {comments.map((comment) => (
        <div key={comment.id} style={{ borderBottom: '1px solid #e5e9e7', padding: '8px 0' }}>
          <div className="qs-meta">
            {t(`role.${comment.authorRole}`)} · {localTime(comment.at, lang)}
          </div>
          <div style={{ whiteSpace: 'pre-wrap' }}>{comment.text}</div>
          <MediaThumbs ids={comment.mediaIds} label={t('case.photos')} />
        </div>
      ))}
      <label htmlFor="comment-text" className="qs-meta">
        {t('case.addComment')}
      </label>
      <TextArea
        id="comment-text"
        value={text}
        onChange={setText}
        placeholder={t('case.commentPlaceholder')}
        rows={2}
        maxLength={2000}
      />
      <div className="qs-actions">
        <label className="adm-button adm-button-default adm-button-fill-outline qs-file">
          <input
            type="file"
            accept="image/*"
            multiple
            onChange={async (e) => {
              const files = Array.from(e.target.files ?? []);
              const prepared = await Promise.all(files.map(prepareMedia));
              setMedia((current) => [...current, ...prepared.map((p) => ({ id: newId(), ...p }))]);
            }}
          />
          <span>
            {t('report.gallery')}
            {media.length > 0 ? ` (${media.length})` : ''}
          </span>
        </label>
        <Button color="primary" onClick={() => void send()}>
          {t('case.send')}
        </Button>
      </div>
    </section>
  );
};

export default CaseDetail;
