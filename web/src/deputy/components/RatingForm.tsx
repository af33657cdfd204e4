import { Button, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { CASE_RATINGS } from '../../../../shared/domain/cases/case-record.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { caseRatingLabel } from './labels.ts';

type Rating = (typeof CASE_RATINGS)[number];

/** 满意 / 基本满意 / 不满意 with a reason (required when not satisfied: the work is done again). */
export const RatingForm = ({
  title,
  onSubmit,
}: {
  title?: string;
  onSubmit: (rating: Rating, comment: string) => Promise<void>;
}) => {
  const { t, label } = useI18n();
  const [rating, setRating] = useState<Rating | undefined>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (rating === undefined) return;
    if (rating === 'unsatisfied' && comment.trim() === '') {
      Toast.show({ content: t('case.rateReasonRequired') });
      return;
    }
    setBusy(true);
    try {
      await onSubmit(rating, comment.trim());
    } catch (error) {
      Toast.show({ content: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="qs-card" aria-labelledby="rate-title">
      <h2 id="rate-title" style={{ marginTop: 0 }}>
        {title ?? t('case.rate')}
      </h2>
      <Selector
        columns={3}
        options={CASE_RATINGS.map((value) => ({ value, label: label(caseRatingLabel(value)) }))}
        value={rating === undefined ? [] : [rating]}
        onChange={(values) => setRating(values[0])}
      />
      {rating === 'unsatisfied' && <p className="qs-meta">{t('case.rateReasonRequired')}</p>}
      <label htmlFor="rating-reason" className="qs-meta">
        {t('case.rateReason')}
      </label>
      <TextArea
        className="qs-input"
        id="rating-reason"
        value={comment}
        onChange={setComment}
        rows={2}
        maxLength={2000}
      />
      <Button
        block
        color="primary"
        disabled={rating === undefined}
        loading={busy}
        onClick={() => void submit()}
      >
        {t('case.submitRating')}
      </Button>
    </section>
  );
};
