import { CASE_ACTION_LABELS } from '../../../../shared/domain/cases/case-action-labels.ts';
import { CASE_CATEGORIES } from '../../../../shared/domain/cases/case-categories.ts';
import { CASE_RATING_LABELS, CASE_STATE_LABELS } from '../../../../shared/domain/cases/case-record.ts';
import { SUGGESTION_ACTION_LABELS } from '../../../../shared/domain/suggestions/suggestion-action-labels.ts';
import {
  REPLY_CLASS_LABELS,
  SUGGESTION_CATEGORY_LABELS,
  SUGGESTION_RATING_LABELS,
  SUGGESTION_STATE_LABELS,
} from '../../../../shared/domain/suggestions/suggestion-vocabulary.ts';

/** The domain's own zh-CN/English labels, looked up by code (unknown codes show as they are). */
type Labels = Readonly<Record<string, { zh: string; en: string }>>;
const lookup = (labels: Labels) => (code: string | undefined) =>
  code === undefined ? undefined : (labels[code] ?? { zh: code, en: code });

export const caseStateLabel = lookup(CASE_STATE_LABELS);
export const caseRatingLabel = lookup(CASE_RATING_LABELS);
export const categoryLabel = lookup(
  Object.fromEntries(CASE_CATEGORIES.map((c) => [c.id, { zh: c.labelZh, en: c.labelEn }])),
);
const EXTRA_CASE_ACTIONS: Labels = {
  submit: { zh: '提交', en: 'submitted' },
  escalate: { zh: '督办升级', en: 'escalated' },
  linkDuplicate: { zh: '关联重复案件', en: 'duplicate linked' },
};
export const caseActionLabel = lookup({ ...CASE_ACTION_LABELS, ...EXTRA_CASE_ACTIONS });
export const suggestionStateLabel = lookup(SUGGESTION_STATE_LABELS);
export const suggestionCategoryLabel = lookup(SUGGESTION_CATEGORY_LABELS);
export const suggestionRatingLabel = lookup(SUGGESTION_RATING_LABELS);
export const replyClassLabel = lookup(REPLY_CLASS_LABELS);
export const suggestionActionLabel = lookup({
  ...SUGGESTION_ACTION_LABELS,
  submit: { zh: '提出', en: 'filed' },
  escalate: { zh: '督办升级', en: 'escalated' },
  closeRatingRound: { zh: '评价结束', en: 'rating round closed' },
});
export { CASE_CATEGORIES };

/** Local time, in the phone's zone (deputies are in the deployment's zone). */
export const localTime = (iso: string | undefined, lang: 'zh' | 'en') =>
  iso === undefined
    ? ''
    : new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso));
