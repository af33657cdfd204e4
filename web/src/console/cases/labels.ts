import { CASE_ACTION_LABELS } from '../../../../shared/domain/cases/case-action-labels.ts';
import { CASE_CATEGORIES } from '../../../../shared/domain/cases/case-categories.ts';
import { CASE_STATE_LABELS, CASE_STATES } from '../../../../shared/domain/cases/case-record.ts';

export { CASE_ACTION_LABELS, CASE_STATE_LABELS, CASE_STATES };

export const categoryLabel = (id: string): string =>
  CASE_CATEGORIES.find((category) => category.id === id)?.labelZh ?? id;

export const CATEGORY_OPTIONS = CASE_CATEGORIES.map((c) => ({ value: c.id, label: c.labelZh }));
export const STATE_OPTIONS = CASE_STATES.map((s) => ({ value: s, label: CASE_STATE_LABELS[s].zh }));

export const stateLabel = (state: string): string =>
  CASE_STATE_LABELS[state as keyof typeof CASE_STATE_LABELS]?.zh ?? state;

/** Tag colours by how far along a case is (AA contrast on antd's light tag backgrounds). */
export const STATE_COLORS: Record<string, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  dispatched: 'geekblue',
  inProgress: 'processing',
  rectified: 'purple',
  awaitingVerification: 'gold',
  closed: 'green',
  rejected: 'default',
  duplicate: 'default',
  reopened: 'volcano',
  suspended: 'orange',
};
