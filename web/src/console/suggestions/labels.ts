import { SUGGESTION_ACTION_LABELS } from '../../../../shared/domain/suggestions/suggestion-action-labels.ts';
import {
  REPLY_CLASS_LABELS,
  REPLY_CLASSES,
  SUGGESTION_CATEGORY_LABELS,
  SUGGESTION_RATING_LABELS,
  SUGGESTION_STATE_LABELS,
  SUGGESTION_STATES,
} from '../../../../shared/domain/suggestions/suggestion-vocabulary.ts';
import type { SuggestionView } from '../api.ts';

export { REPLY_CLASS_LABELS, SUGGESTION_RATING_LABELS };

const pick = (labels: Record<string, { zh: string }>, key: string) => labels[key]?.zh ?? key;

export const suggestionStateLabel = (state: string) => pick(SUGGESTION_STATE_LABELS, state);
export const suggestionCategoryLabel = (category: string) => pick(SUGGESTION_CATEGORY_LABELS, category);
const OTHER_STEPS: Record<string, string> = {
  submit: '提出',
  escalate: '督办升级',
  closeRatingRound: '评价结束',
  recomputeDeadline: '重算期限',
};
export const suggestionActionLabel = (action: string) =>
  OTHER_STEPS[action] ?? pick(SUGGESTION_ACTION_LABELS, action);

export const SUGGESTION_STATE_OPTIONS = SUGGESTION_STATES.map((s) => ({
  value: s,
  label: suggestionStateLabel(s),
}));
export const REPLY_CLASS_OPTIONS = REPLY_CLASSES.map((c) => ({
  value: c,
  label: `${c} 类：${REPLY_CLASS_LABELS[c].zh}`,
}));

/** The stages deputies and staff follow: 提出 → 交办 → 办理 → 答复 → 评价. */
export const STAGES = ['提出', '交办', '办理', '答复', '评价'] as const;

export const stageOf = (s: Pick<SuggestionView, 'state' | 'assignment' | 'replies'>): number => {
  if (s.state === 'closed' || s.state === 'followingUp') return 4;
  if (s.state === 'replied') return 3;
  if (s.state === 'assigned' || s.state === 'rehandling') return 2;
  if (s.assignment !== undefined) return 1;
  return 0;
};
