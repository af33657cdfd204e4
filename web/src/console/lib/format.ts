import { workingDaysLeft } from '../../deputy/lib/working-days.ts';

/** Instants shown in the deployment's zone (Asia/Shanghai), as staff read them. */
const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const localTime = (instant: string | undefined): string =>
  instant === undefined ? '' : TIME.format(new Date(instant));

export const localDate = (instant: Date | string): string => DATE.format(new Date(instant));

export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;

/**
 * The working-day countdown of a deadline (the deadline itself comes from the API; the bundled
 * holiday notices only count down to it): 剩 n 个工作日, 今日到期, 超期 n 个工作日.
 */
export const countdown = (
  deadline: string | undefined,
  now = new Date(),
): { text: string; overdue: boolean } => {
  if (deadline === undefined) return { text: '', overdue: false };
  if (Date.parse(deadline) < now.getTime()) {
    const late = -workingDaysLeft(deadline, now);
    return { text: late <= 0 ? '已超期' : `超期 ${late} 个工作日`, overdue: true };
  }
  const left = workingDaysLeft(deadline, now);
  return { text: left === 0 ? '今日到期' : `剩 ${left} 个工作日`, overdue: false };
};

export const ESCALATION_LABELS: Record<number, string> = {
  1: '一级督办（部门负责人）',
  2: '二级督办（人大工作人员）',
  3: '三级督办（区领导）',
};
