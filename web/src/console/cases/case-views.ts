import type { getCaseRoute, listCasesRoute } from '../../../../shared/contracts/cases.ts';
import type { QueryOf, ResponseOf } from '../../shared/api-types.ts';
import { localDate } from '../lib/format.ts';

// From the contracts directly (not ../api.ts), so this stays free of the DOM and unit-testable.
type CaseView = ResponseOf<typeof getCaseRoute>;
type CaseListQuery = QueryOf<typeof listCasesRoute>;

/** The URL filters every case list understands (all optional). */
export interface CaseFilters {
  state?: string;
  category?: string;
  department?: string;
  overdue?: string;
  from?: string;
  to?: string;
  near?: string;
  radius?: string;
  q?: string;
}

/**
 * A preset list: which cases the API is asked for, which of them the view keeps, and in which order.
 * Queues run by deadline (the most urgent first); the intake and verification queues by arrival.
 */
export interface CaseViewSpec {
  title: string;
  hint: string;
  /** A view that fixes the state hides the state filter. */
  state?: string;
  keep?: (record: CaseView) => boolean;
  order: 'deadline' | 'oldest' | 'newest' | 'review';
  bulkDispatch?: boolean;
}

const HANDLED = ['dispatched', 'inProgress', 'rectified', 'awaitingVerification'];

export const CASE_VIEWS: Record<string, CaseViewSpec> = {
  inbox: {
    title: '本部门待办',
    hint: '派给本部门（主办或协办）、尚在办理的案件，按期限排序：先办最急的。',
    keep: (r) => HANDLED.includes(r.state),
    order: 'deadline',
  },
  intake: {
    title: '受理（待立案）',
    hint: '代表新上报的案件：立案、不予立案，或标记为重复案件。先到先办。',
    state: 'submitted',
    order: 'oldest',
  },
  dispatch: {
    title: '派遣',
    hint: '已立案待派遣的案件：可多选后批量派遣给主办与协办部门。',
    state: 'accepted',
    order: 'oldest',
    bulkDispatch: true,
  },
  verification: {
    title: '核查结案',
    hint: '部门已整改并经负责人审核的案件：现场核实后结案，或退回返工。',
    state: 'awaitingVerification',
    order: 'oldest',
  },
  suspended: {
    title: '挂账复核',
    hint: '挂账案件，按复核日期排序；到期的需复核（恢复办理或继续挂账）。',
    state: 'suspended',
    order: 'review',
  },
  all: {
    title: '全部案件',
    hint: '按条件筛选全部可见案件；筛选条件保存在网址中，可收藏或分享。',
    order: 'newest',
  },
};

export const apiQueryOf = (
  view: CaseViewSpec,
  f: CaseFilters,
  session: { departmentId?: string | undefined },
): CaseListQuery => {
  const query: Record<string, string | number> = { limit: 100 };
  const state = view.state ?? f.state;
  if (state !== undefined) query.state = state;
  if (f.category !== undefined) query.category = f.category;
  const department = f.department ?? (session.departmentId !== undefined ? session.departmentId : undefined);
  if (department !== undefined) query.department = department;
  if (f.overdue !== undefined) query.overdue = f.overdue;
  if (f.from !== undefined) query.from = f.from;
  if (f.to !== undefined) query.to = f.to;
  if (f.near !== undefined) {
    query.near = f.near;
    query.radius = Number(f.radius ?? 500);
  }
  return query as CaseListQuery;
};

const by =
  <T>(key: (r: CaseView) => T | undefined, last: T) =>
  (a: CaseView, b: CaseView) => {
    const x = key(a) ?? last;
    const y = key(b) ?? last;
    return x < y ? -1 : x > y ? 1 : 0;
  };

export const arrange = (view: CaseViewSpec, rows: readonly CaseView[], q: string | undefined): CaseView[] => {
  const text = q?.trim().toLowerCase();
  const kept = rows.filter(
    (r) =>
      (view.keep?.(r) ?? true) &&
      (text === undefined ||
        text === '' ||
        `${r.id} ${r.title} ${r.location?.address ?? ''}`.toLowerCase().includes(text)),
  );
  if (view.order === 'deadline') return kept.sort(by((r) => r.deadline, '9999'));
  if (view.order === 'oldest') return kept.sort(by((r) => r.submittedAt, ''));
  if (view.order === 'review') return kept.sort(by((r) => r.suspension?.nextReviewDate, '9999'));
  return kept;
};

/** A suspended case whose review date has come (local dates). */
export const reviewDue = (record: CaseView, now = new Date()): boolean =>
  record.suspension !== undefined && record.suspension.nextReviewDate <= localDate(now);
