import type { SuggestionListQuery, SuggestionView } from '../api.ts';

export interface SuggestionFilters {
  state?: string;
  unit?: string;
  keySupervision?: string;
  overdue?: string;
  satisfaction?: string;
  q?: string;
}

export interface SuggestionViewSpec {
  title: string;
  hint: string;
  /** Each state is asked for separately (the API filters one state at a time). */
  states?: string[];
  keySupervision?: boolean;
  keep?: (s: SuggestionView) => boolean;
  order: 'due' | 'oldest' | 'newest';
}

const OPEN = ['accepted', 'assigned', 'replied', 'rehandling', 'followingUp'];

export const SUGGESTION_VIEWS: Record<string, SuggestionViewSpec> = {
  unit: {
    title: '本单位办理',
    hint: '交办给本单位（主办或协办）尚在办理的建议，按答复期限排序。',
    keep: (s) => OPEN.includes(s.state),
    order: 'due',
  },
  assign: {
    title: '待交办',
    hint: '代表新提出的建议：受理后交办给主办、协办单位（或分别交办）。',
    states: ['submitted', 'accepted'],
    order: 'oldest',
  },
  key: {
    title: '重点督办',
    hint: '领导重点督办的建议及其办理进度。',
    keySupervision: true,
    order: 'due',
  },
  all: { title: '全部建议', hint: '按条件筛选全部可见建议；筛选条件保存在网址中。', order: 'newest' },
};

export const apiQueriesOf = (view: SuggestionViewSpec, f: SuggestionFilters): SuggestionListQuery[] => {
  const base: Record<string, string | number> = { limit: 50 };
  if (f.unit !== undefined) base.unit = f.unit;
  if (f.overdue !== undefined) base.overdue = f.overdue;
  if (f.satisfaction !== undefined) base.satisfaction = f.satisfaction;
  const key = view.keySupervision === true ? 'true' : f.keySupervision;
  if (key !== undefined) base.keySupervision = key;
  const states = view.states ?? (f.state === undefined ? [undefined] : [f.state]);
  return states.map(
    (state) => ({ ...base, ...(state === undefined ? {} : { state }) }) as SuggestionListQuery,
  );
};

export const arrangeSuggestions = (view: SuggestionViewSpec, rows: readonly SuggestionView[], q?: string) => {
  const text = q?.trim().toLowerCase();
  const kept = rows.filter(
    (s) => (view.keep?.(s) ?? true) && (!text || `${s.id} ${s.title}`.toLowerCase().includes(text)),
  );
  const key = (s: SuggestionView) =>
    view.order === 'due' ? (s.replyDue ?? '9999') : view.order === 'oldest' ? s.submittedAt : '';
  return view.order === 'newest' ? kept : kept.sort((a, b) => key(a).localeCompare(key(b)));
};
