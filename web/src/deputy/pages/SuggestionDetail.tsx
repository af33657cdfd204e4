import { Button, Steps, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { useRouter } from '../../shared/router.tsx';
import type { SuggestionTimeline, SuggestionView } from '../api.ts';
import {
  localTime,
  replyClassLabel,
  suggestionActionLabel,
  suggestionCategoryLabel,
  suggestionRatingLabel,
  suggestionStateLabel,
} from '../components/labels.ts';
import { RatingForm } from '../components/RatingForm.tsx';
import { useApp } from '../context.tsx';
import { markSubjectRead } from '../notifications/inbox-state.ts';

const STAGES = ['submit', 'assign', 'handle', 'reply', 'rate'] as const;

/** Where a suggestion stands on 提出→交办→办理→答复→评价 (the index of the current stage). */
export const stageOf = (item: Pick<SuggestionView, 'state' | 'replies'>): number => {
  switch (item.state) {
    case 'submitted':
      return 0;
    case 'accepted':
      return 1;
    case 'assigned':
    case 'rehandling':
      return 2;
    case 'replied':
      return 4;
    default:
      return item.replies.length > 0 ? 5 : 1;
  }
};

/** A suggestion: its stage, replies with their class, ratings, re-handling and the timeline. */
const SuggestionDetail = ({ id }: { id: string }) => {
  const { t, label, lang } = useI18n();
  const { navigate } = useRouter();
  const { api, session } = useApp();
  const [item, setItem] = useState<SuggestionView>();
  const [timeline, setTimeline] = useState<SuggestionTimeline['entries']>([]);
  const [error, setError] = useState<string>();
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    void api.listDeputies().then(
      (list) => setNames(new Map(list.items.map((d) => [d.id, d.name]))),
      () => undefined,
    );
  }, [api]);
  const load = async () => {
    try {
      const [found, steps] = await Promise.all([api.getSuggestion(id), api.suggestionTimeline(id)]);
      setItem(found);
      setTimeline(steps.entries);
      if (session !== undefined)
        void markSubjectRead(api, session.userId, 'suggestion', found.id).catch(() => undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the suggestion changes
  useEffect(() => {
    void load();
  }, [id]);
  if (error !== undefined)
    return (
      <p className="qs-error qs-center" role="alert">
        {error}
      </p>
    );
  if (item === undefined) return <p className="qs-center">{t('loading')}</p>;
  const stage = stageOf(item);
  return (
    <div className="qs-page">
      <Button size="small" fill="none" onClick={() => navigate('suggestions')}>
        ‹ {t('back')}
      </Button>
      <article className="qs-card" aria-labelledby="sug-title">
        <h1 id="sug-title" style={{ margin: '0 0 4px' }}>
          {item.title}
        </h1>
        <p className="qs-meta">
          {label(suggestionCategoryLabel(item.category))} · {localTime(item.submittedAt, lang)}
        </p>
        <div className="qs-tags">
          <Tag color="primary" fill="outline">
            {label(suggestionStateLabel(item.state))}
          </Tag>
          {item.replyDue && <Tag fill="outline">{t('sug.replyDue', { d: item.replyDue })}</Tag>}
          {item.rehandlingCount > 0 && (
            <Tag color="warning">{t('sug.rehandling', { n: item.rehandlingCount })}</Tag>
          )}
          {item.keySupervision && <Tag color="warning">{t('cases.supervised')}</Tag>}
        </div>
        <Steps
          current={Math.min(stage, STAGES.length - 1)}
          style={{ '--title-font-size': '13px' } as React.CSSProperties}
        >
          {STAGES.map((name, index) => (
            <Steps.Step
              key={name}
              title={t(`sug.stage.${name}`)}
              status={index < stage ? 'finish' : index === stage ? 'process' : 'wait'}
            />
          ))}
        </Steps>
        <p style={{ whiteSpace: 'pre-wrap' }}>{item.body}</p>
        {item.coSignerIds.length > 0 && (
          <p className="qs-meta">
            {t('sug.coSigners')}：
            {item.coSignerIds.map((coSigner) => names.get(coSigner) ?? coSigner).join('、')}
          </p>
        )}
      </article>
      {item.replies.length > 0 && (
        <section className="qs-card" aria-labelledby="replies-title">
          <h2 id="replies-title" style={{ marginTop: 0 }}>
            {t('sug.replies')}
          </h2>
          {item.replies.map((reply) => {
            const mine = item.ratings.find((r) => r.round === reply.round && r.deputyId === session?.userId);
            return (
              <div
                key={`${reply.round}-${reply.at}`}
                style={{ borderBottom: '1px solid #e5e9e7', padding: '8px 0' }}
              >
                <div className="qs-meta">
                  {t('sug.round', { n: reply.round })} · {localTime(reply.at, lang)}
                </div>
                <Tag color="primary">
                  {t('sug.replyClass', { c: `${reply.class} ${label(replyClassLabel(reply.class))}` })}
                </Tag>
                <p style={{ whiteSpace: 'pre-wrap' }}>{reply.text}</p>
                {mine && (
                  <p className="qs-meta">
                    {t('sug.myRating', { r: label(suggestionRatingLabel(mine.rating)) })}
                  </p>
                )}
              </div>
            );
          })}
        </section>
      )}
      {item.allowedActions.includes('rate') && (
        <RatingForm
          title={t('sug.rate')}
          onSubmit={async (rating, comment) => {
            await api.transitionSuggestion(item.id, {
              action: 'rate',
              payload: { rating, ...(comment ? { comment } : {}) },
              version: item.version,
            });
            await load();
          }}
        />
      )}
      <section className="qs-card" aria-labelledby="sug-timeline">
        <h2 id="sug-timeline" style={{ marginTop: 0 }}>
          {t('case.timeline')}
        </h2>
        <Steps direction="vertical" current={timeline.length - 1}>
          {timeline.map((entry) => (
            <Steps.Step
              key={entry.seq}
              status="finish"
              title={`${label(suggestionActionLabel(entry.action))} → ${label(suggestionStateLabel(entry.to))}`}
              description={
                <span>
                  {t(`role.${entry.actorRole}`)} ·{' '}
                  <time dateTime={entry.at}>{localTime(entry.at, lang)}</time>
                  {entry.note ? ` · ${entry.note}` : ''}
                </span>
              }
            />
          ))}
        </Steps>
      </section>
    </div>
  );
};

export default SuggestionDetail;
